using System.Diagnostics;
using System.Globalization;

namespace LumoFlow.Benchmarks;

/// <summary>The most memory a process has held at once (its peak resident set), for the benchmark process and Azurite.</summary>
public static class PeakMemory
{
    public static long Self()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    /// <summary>VmHWM of /proc/PID/status (Linux); null without Azurite's pid.</summary>
    public static long? Azurite()
    {
        if (CpuTime.AzuritePid is not { } pid) return null;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
