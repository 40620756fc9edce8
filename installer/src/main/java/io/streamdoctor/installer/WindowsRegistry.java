package io.streamdoctor.installer;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import java.io.IOException;
import java.util.Optional;

/**
 * The real registry through jna-platform. Only loaded on Windows (Platform.current picks it), so
 * JNA's native library is never touched elsewhere. Win32 failures become IOExceptions here, at the
 * boundary.
 */
final class WindowsRegistry implements Registry {
  private static WinReg.HKEY root(Hive hive) {
    return hive == Hive.HKLM ? WinReg.HKEY_LOCAL_MACHINE : WinReg.HKEY_CURRENT_USER;
  }

  @Override
  public boolean keyExists(Hive hive, String key) {
    try {
      return Advapi32Util.registryKeyExists(root(hive), key);
    } catch (Win32Exception e) {
      return false;
    }
  }

  @Override
  public Optional<String> defaultValue(Hive hive, String key) {
    try {
      if (!Advapi32Util.registryKeyExists(root(hive), key)
          || !Advapi32Util.registryValueExists(root(hive), key, "")) {
        return Optional.empty();
      }
      return Optional.of(Advapi32Util.registryGetStringValue(root(hive), key, ""));
    } catch (Win32Exception e) {
      return Optional.empty();
    }
  }

  @Override
  public void setDefaultValue(Hive hive, String key, String value) throws IOException {
    try {
      // RegCreateKeyEx creates missing intermediate keys; "" names the default value.
      Advapi32Util.registryCreateKey(root(hive), key);
      Advapi32Util.registrySetStringValue(root(hive), key, "", value);
    } catch (Win32Exception e) {
      throw new IOException("cannot write " + hive + "\\" + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean deleteKey(Hive hive, String key) throws IOException {
    try {
      if (!Advapi32Util.registryKeyExists(root(hive), key)) {
        return false;
      }
      Advapi32Util.registryDeleteKey(root(hive), key);
      return true;
    } catch (Win32Exception e) {
      throw new IOException("cannot delete " + hive + "\\" + key + ": " + e.getMessage(), e);
    }
  }
}
