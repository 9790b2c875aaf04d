/* For tests under Wine only, never shipped: Rust's standard library (1.78 and later) takes its
   random bytes from ProcessPrng in bcryptprimitives.dll, which Wine 8 does not have. This
   stand-in answers from RtlGenRandom (SystemFunction036), which Wine has. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return RtlGenRandom(data, (ULONG)len);
}
