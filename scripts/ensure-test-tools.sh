#!/usr/bin/env bash
# Runs before `npm test`: the suite drives a real headless Chromium (widgets, cookie-less LTI
# launches) and a real OpenSSH SFTP server (Skyward delivery). Installs them from Debian's
# packages when they are missing and this machine allows it; otherwise says what to install.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test tools: ${missing[*]}" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  exit 0
fi
echo "The browser and SFTP tests need: ${missing[*]} (Debian packages). Install them, e.g." >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 0
