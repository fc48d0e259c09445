import Foundation

/// The process's resource use so far, for benchmark reports.
enum ProcessUsage {
    /// Peak resident memory in MiB (Linux reports `ru_maxrss` in kilobytes).
    static var peakMiB: Double { Double(usage().ru_maxrss) / 1024 }

    /// User plus system CPU time in seconds: steadier than wall time on a busy machine.
    static var cpuSeconds: Double {
        let usage = usage()
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }

    private static func usage() -> rusage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage
    }
}
