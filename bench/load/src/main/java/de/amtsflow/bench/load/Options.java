package de.amtsflow.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs, in the order given. */
final class Options {

  final Map<String, String> values = new LinkedHashMap<>();

  static Options parse(String[] args, int from) {
    Options options = new Options();
    for (int i = from; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value at " + args[i]);
      }
      options.values.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  String get(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is missing");
    }
    return value;
  }

  String get(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  int integer(String name, int otherwise) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
  }

  double decimal(String name, double otherwise) {
    return values.containsKey(name) ? Double.parseDouble(values.get(name)) : otherwise;
  }

  Path path(String name) {
    return Path.of(get(name));
  }

  List<Integer> integers(String name) {
    return Arrays.stream(get(name).split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
