// Windows signing hook (electron-builder `win.signtoolOptions.sign`), called for every file to sign.
// - WAREBENCH_SIGNING_SERVICE_URL (+ WAREBENCH_SIGNING_SERVICE_TOKEN): the file is POSTed to the site's signing
//   service (HSM, Azure Key Vault front end, ...), which answers with the signed file.
// - otherwise CSC_LINK / CSC_KEY_PASSWORD: electron-builder's own signtool signing.
// - neither: the file stays unsigned and the build says so (fine for test builds, never for a release).
'use strict';
const { readFile, writeFile, rename } = require('node:fs/promises');
const { basename } = require('node:path');

async function signWithService(file, url, token) {
  const body = await readFile(file);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(basename(file)),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
    signal: AbortSignal.timeout(10 * 60 * 1000),
  });
  if (!response.ok) throw new Error(`signing service answered ${response.status} ${response.statusText} for ${basename(file)}`);
  const signed = Buffer.from(await response.arrayBuffer());
  if (signed.length < 2 || signed[0] !== 0x4d || signed[1] !== 0x5a)
    throw new Error(`signing service did not return a Windows executable for ${basename(file)}`);
  const temp = `${file}.signed`;
  await writeFile(temp, signed);
  await rename(temp, file);
}

exports.default = async function sign(configuration, packager) {
  const service = process.env.WAREBENCH_SIGNING_SERVICE_URL;
  if (service) {
    // One sha256 signature per file; the service chooses the certificate and timestamp server.
    if (configuration.isNest) return;
    await signWithService(configuration.path, service, process.env.WAREBENCH_SIGNING_SERVICE_TOKEN);
    return;
  }
  if (configuration.cscInfo) {
    const manager = await packager.signingManager.value;
    await manager.doSign(configuration, packager);
    return;
  }
  console.warn(`  • not signed: ${basename(configuration.path)} (set CSC_LINK/CSC_KEY_PASSWORD or WAREBENCH_SIGNING_SERVICE_URL)`);
};
