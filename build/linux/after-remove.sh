#!/bin/bash
# Runs after the deb/rpm is removed.

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi

# An upgrade removes the old package after installing the new one: keep the rules while the app is still there.
if [ ! -e '/opt/${sanitizedProductName}/${executable}' ] && [ -f /etc/udev/rules.d/99-warebench.rules ]; then
    rm -f /etc/udev/rules.d/99-warebench.rules
    if hash udevadm 2>/dev/null; then
        udevadm control --reload-rules || true
    fi
fi
