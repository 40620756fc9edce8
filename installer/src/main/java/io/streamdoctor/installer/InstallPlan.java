package io.streamdoctor.installer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which registrations an install writes: the named browsers (or one Chromium profile), else the
 * browsers found on this machine; always plus those an earlier install registered, so an upgrade
 * re-points every old manifest at the new launcher.
 */
final class InstallPlan {
  private InstallPlan() {}

  static List<Registration> registrations(Layout layout, List<Browser> named, Path profileDir,
      Optional<Receipt> previous, List<String> notes) {
    List<Registration> out = new ArrayList<>();
    if (profileDir != null) {
      List<Browser> bs = named.isEmpty() ? List.of(Browser.CHROMIUM) : named;
      bs.forEach(b -> out.add(layout.profileRegistration(b, profileDir)));
    } else {
      List<Browser> bs = named.isEmpty() ? layout.detect() : named;
      for (Browser b : bs) {
        Optional<Registration> r = layout.registration(b);
        if (r.isPresent()) {
          out.add(r.get());
        } else {
          notes.add("skipped " + b.id() + ": no machine-wide location is known for it; install per user");
        }
      }
    }
    previous.ifPresent(p -> p.toRegistrations().forEach(r -> {
      if (out.stream().noneMatch(o -> o.manifest().equals(r.manifest()) && o.browser() == r.browser())) {
        out.add(r);
      }
    }));
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no supported browser found on this machine; name one with"
          + " --browser NAME (" + Browser.ids() + ")");
    }
    return out;
  }
}
