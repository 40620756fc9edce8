package io.streamdoctor.installer;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.streamdoctor.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an install wrote, so uninstall removes exactly that and nothing else: files, folders it
 * had to create (removed only when empty), registry keys, and the registrations status checks.
 */
public record Receipt(
    String version, String scope, String host, List<String> files, List<String> dirs,
    List<String> registryKeys, List<Entry> registrations) {

  /** One registration as stored; paths are absolute strings. */
  public record Entry(String browser, String manifest, String registryKey, String profileDir) {
    static Entry of(Registration r) {
      return new Entry(r.browser().id(), r.manifest().toString(),
          r.registryKey() == null ? null : r.registryKey().toString(),
          r.profileDir() == null ? null : r.profileDir().toString());
    }

    Optional<Registration> toRegistration() {
      return Browser.byId(browser).map(b -> new Registration(b, Path.of(manifest),
          registryKey == null ? null : parseKey(registryKey),
          profileDir == null ? null : Path.of(profileDir)));
    }
  }

  public Receipt {
    files = List.copyOf(files);
    dirs = List.copyOf(dirs);
    registryKeys = List.copyOf(registryKeys);
    registrations = List.copyOf(registrations);
  }

  public List<Registration> toRegistrations() {
    List<Registration> out = new ArrayList<>();
    registrations.forEach(e -> e.toRegistration().ifPresent(out::add));
    return out;
  }

  public static RegistryKey parseKey(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      throw new IllegalArgumentException("not a registry key: " + s);
    }
    return new RegistryKey(Registry.Hive.valueOf(s.substring(0, i)), s.substring(i + 1));
  }

  public static Optional<Receipt> read(Path file) throws IOException {
    try {
      return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), Receipt.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("the install receipt " + file + " is damaged (" + e.getOriginalMessage()
          + "); delete it and run 'streamdoctor install' again", e);
    }
  }

  public void write(Path file) throws IOException {
    byte[] json = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
    FileOps.writeAtomically(file, json);
  }
}
