using System.Diagnostics;
using System.Globalization;

namespace BudgetActors.Benchmarks;

/// <summary>
/// CPU used over an interval by the whole machine (every process, from <c>/proc/stat</c>) and by this process,
/// in cores. On a machine shared with other builds the difference says how much of the CPU a run did not get.
/// </summary>
internal sealed class MachineCpu
{
    private readonly long _machineBusyStart;
    private readonly long _machineTotalStart;
    private readonly TimeSpan _processStart;
    private readonly long _started;

    private MachineCpu()
    {
        (_machineBusyStart, _machineTotalStart) = ReadProcStat();
        _processStart = Process.GetCurrentProcess().TotalProcessorTime;
        _started = Stopwatch.GetTimestamp();
    }

    public static MachineCpu Start() => new();

    /// <summary>Cores busy since <see cref="Start"/>: the machine's (null where /proc/stat is not readable) and this process's.</summary>
    public (double? Machine, double Process) Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _processStart) / elapsed;
        var (busy, total) = ReadProcStat();
        double? machine = total > _machineTotalStart
            ? (double)(busy - _machineBusyStart) / (total - _machineTotalStart) * Environment.ProcessorCount
            : null;
        return (machine, process);
    }

    private static (long Busy, long Total) ReadProcStat()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the time nobody ran.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return (0, 0);
        }
    }
}
