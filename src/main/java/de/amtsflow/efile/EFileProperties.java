package de.amtsflow.efile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and storage location of the e-file store ({@code amtsflow.efile.*}).
 *
 * @param contentDir where content blobs live; defaults to {@code <amtsflow.data-dir>/content}
 * @param maxUploadSize largest accepted document (also the multipart limit)
 * @param allowedMediaTypes media types accepted after sniffing the bytes
 * @param access which user groups may read and write e-files of each type over REST
 */
@ConfigurationProperties("amtsflow.efile")
record EFileProperties(
    Path contentDir,
    DataSize maxUploadSize,
    List<String> allowedMediaTypes,
    Map<EFileType, List<String>> access) {}
