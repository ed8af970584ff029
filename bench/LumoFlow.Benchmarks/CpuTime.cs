using System.Diagnostics;
using System.Globalization;

namespace LumoFlow.Benchmarks;

/// <summary>
/// CPU time used so far by this process (the load and the app under test) and by Azurite, read from /proc on Linux.
/// It shows where a machine's cores go: on two cores, what the app spends is not there for Azurite.
/// </summary>
public static class CpuTime
{
    /// <summary>Azurite's process id (bench.sh passes it); without it Azurite's share is not measured.</summary>
    public static int? AzuritePid { get; set; }

    public readonly record struct Sample(TimeSpan Bench, TimeSpan? Azurite)
    {
        public static Sample operator -(Sample a, Sample b) => new(a.Bench - b.Bench, a.Azurite - b.Azurite);
        public static Sample operator +(Sample a, Sample b) => new(a.Bench + b.Bench, a.Azurite + b.Azurite);
    }

    public static Sample Now() => new(Process.GetCurrentProcess().TotalProcessorTime, AzuritePid is { } pid ? OfProcess(pid) : null);

    /// <summary>utime + stime of a process, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).</summary>
    private static TimeSpan? OfProcess(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ", field 3 is at index 0
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
