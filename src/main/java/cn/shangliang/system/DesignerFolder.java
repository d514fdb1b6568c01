package cn.shangliang.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A folder that designers edit ({@code processes/}, {@code rules/}): read from the working directory
 * when it exists, else from the copy packaged in the jar under the same name.
 */
public final class DesignerFolder {

  /** A file of the folder, named by its path relative to the folder with '/' separators. */
  public record File(String path, byte[] content) {}

  private final Path directory;
  private final String classpathRoot;

  public DesignerFolder(Path directory, String classpathRoot) {
    this.directory = directory;
    this.classpathRoot = classpathRoot;
  }

  public boolean onDisk() {
    return Files.isDirectory(directory);
  }

  public Path directory() {
    return directory;
  }

  public String describe() {
    return onDisk() ? directory.toAbsolutePath().toString() : "classpath:" + classpathRoot + "/";
  }

  /** Every file of the folder, sorted by path. */
  public List<File> files() {
    return onDisk() ? filesOnDisk() : filesOnClasspath();
  }

  private List<File> filesOnDisk() {
    try (Stream<Path> walk = Files.walk(directory)) {
      List<File> files = new ArrayList<>();
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = directory.relativize(path).toString().replace('\\', '/');
        if (relative.startsWith(".") || relative.contains("/.")) continue;
        files.add(new File(relative, Files.readAllBytes(path)));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
  }

  private List<File> filesOnClasspath() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + classpathRoot + "/**/*");
      List<File> files = new ArrayList<>();
      String marker = "/" + classpathRoot + "/";
      for (Resource resource : resources) {
        if (!resource.isReadable()) continue;
        String url = resource.getURL().toString();
        int at = url.lastIndexOf(marker);
        if (at < 0 || url.endsWith("/")) continue;
        try (var in = resource.getInputStream()) {
          files.add(new File(url.substring(at + marker.length()), in.readAllBytes()));
        }
      }
      files.sort(Comparator.comparing(File::path));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + classpathRoot, e);
    }
  }
}
