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

    /// The system's load averages over 1, 5 and 15 minutes, to print beside a timing.
    static var loadAverages: [Double] {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) == 3 ? loads : []
    }

    private static func usage() -> rusage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
