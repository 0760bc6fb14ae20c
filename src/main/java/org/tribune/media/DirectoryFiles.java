package org.tribune.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files under {@code <data dir>/media}, spread over 256 folders by the first two hex digits of their names. Written
 * to a temporary name and moved into place, so a reader never sees half a file.
 */
class DirectoryFiles implements PictureFiles {
    private final Path directory;

    DirectoryFiles(Path directory) {
        this.directory = directory;
    }

    private Path path(String name) {
        return directory.resolve(PictureFiles.checked(name).substring(0, 2)).resolve(name);
    }

    @Override
    public void write(String name, byte[] content) {
        Path target = path(name);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(name + ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> read(String name) {
        try {
            Path path = path(name);
            return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
