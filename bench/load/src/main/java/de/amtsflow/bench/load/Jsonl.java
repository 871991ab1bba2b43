package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The run's records, one JSON object a line, appended as they are measured. */
final class Jsonl {

  static final ObjectMapper JSON = new ObjectMapper();

  private Jsonl() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static void append(Path file, ObjectNode record) throws IOException {
    Files.writeString(
        file,
        JSON.writeValueAsString(record) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static List<ObjectNode> read(Path file) throws IOException {
    List<ObjectNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        records.add((ObjectNode) JSON.readTree(line));
      }
    }
    return records;
  }
}
