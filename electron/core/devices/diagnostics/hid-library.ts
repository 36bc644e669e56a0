import { type DoctorCheck, errorText } from './check';

/** Loads node-hid (hidapi over hidraw/libusb) and enumerates once; failure means HID devices cannot be used. */
export async function checkHidLibrary(): Promise<DoctorCheck> {
  const base = { id: 'hid-library', title: 'HID library (node-hid / libusb)' };
  try {
    const hid = await import('node-hid');
    const devices = await hid.devicesAsync();
    return { ...base, ok: true, detail: `node-hid loaded (hidapi ${hid.getHidapiVersion()}), ${devices.length} HID interface(s) visible` };
  } catch (error) {
    return {
      ...base,
      ok: false,
      detail: `node-hid failed to load: ${errorText(error)}`,
      fix: 'install the USB libraries (Debian/Ubuntu: sudo apt install libusb-1.0-0 libudev1); in a packaged app, rebuild native modules for its Electron version',
    };
  }
}
