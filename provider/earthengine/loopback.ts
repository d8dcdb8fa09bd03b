/** A loopback host name, where plain http is accepted (emulators and stand-ins). */
export function isLoopback(hostname: string): boolean {
    return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
