using System.Diagnostics;
using System.Runtime;

namespace BudgetActors.Benchmarks;

/// <summary>
/// Tiered compilation recompiles hot methods (with profile-guided optimisation) in the background some time
/// after they were first called; a measured period that starts before that is over measures the JIT, which
/// can take up to a third of the CPU. Warm-ups wait here until the compiles are done.
/// </summary>
internal static class JitCompilation
{
    /// <summary>Waits until no method has been compiled for a second, or <paramref name="limit"/> (default 30 s) has passed.</summary>
    public static async Task UntilQuietAsync(TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < (limit ?? TimeSpan.FromSeconds(30)))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }
}
