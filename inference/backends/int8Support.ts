import { readFileSync } from 'node:fs';

/**
 * Whether ONNX Runtime's 8-bit kernels compute the int8 readers exactly on this CPU. On x86-64
 * without VNNI, its u8 x s8 kernel adds pairs of products in 16 bits, which saturate for large
 * activations and weights (a limit ONNX Runtime documents for such CPUs): reads could differ from
 * those measured. VNNI (AVX512-VNNI or AVX-VNNI) accumulates in 32 bits; arm64 (the Pi 5's and
 * Orin's Cortex-A76/A78 dot-product instructions, the Pi 4's widening multiplies) does too. Where
 * this is false the ONNX backend runs the float readers: the same reads as TensorFlow.js.
 */
export function int8IsExact(arch: string = process.arch, cpuinfo: string | null = readCpuinfo()): boolean {
  if (arch === 'arm64') return true;
  if (arch !== 'x64' || cpuinfo === null) return false;
  const flags = new Set(/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1]?.trim().split(/\s+/) ?? []);
  return flags.has('avx512_vnni') || flags.has('avx_vnni');
}

function readCpuinfo(): string | null {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return null; // not Linux: no way to tell, so the float readers
  }
}
