using System.Collections.Concurrent;

namespace BudgetActors.Runtime.Tests;

/// <summary>Logs its activations and deactivations; fails to activate while its key is in <see cref="FailActivation"/>.</summary>
public sealed class LifecycleGrain : Grain, ILifecycleGrain
{
    private int _number;

    public static ConcurrentDictionary<string, string> FailActivation { get; } = new();

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (FailActivation.TryGetValue(Key, out var message))
        {
            EventLog.Add(Key, "activation-failed");
            throw new InvalidOperationException(message);
        }

        _number = EventLog.Of(Key).Count(e => e == "activate") + 1;
        EventLog.Add(Key, "activate");
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        EventLog.Add(Key, $"deactivate {reason.Code}");
        return Task.CompletedTask;
    }

    public Task<int> GetActivationNumberAsync() => Task.FromResult(_number);

    public Task DeactivateWhenIdleAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task WaitForSignalAsync(string signal)
    {
        EventLog.Add(Key, "wait");
        await Signals.WaitAsync(signal);
        EventLog.Add(Key, "done");
    }
}
