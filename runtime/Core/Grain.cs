namespace BudgetActors.Runtime;

/// <summary>
/// Base class of every grain. The runtime creates grains (never <c>new</c>), loads their persistent state,
/// then calls <see cref="OnActivateAsync"/>; calls run one turn at a time unless the class or method says
/// otherwise.
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly GrainActivation _activation;

    protected Grain()
    {
        _activation = GrainActivation.Constructing
            ?? throw new InvalidOperationException("Grains are created by the runtime: get a reference with IGrainFactory.GetGrain instead of new.");
    }

    public GrainId GrainId => _activation.Id;

    /// <summary>The grain's identity as text, for logs.</summary>
    public string IdentityString => _activation.Id.ToString();

    /// <summary>The silo this activation runs on (<c>host:port@generation</c>), or the silo's name when it is not on a network.</summary>
    public string RuntimeIdentity => _activation.Runtime.Self?.Id ?? _activation.Runtime.SiloName;

    /// <summary>Gets references to other grains.</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime;

    internal GrainActivation Activation => _activation;

    /// <summary>Runs after the grain's persistent state has been read, before its first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation goes away: idle, asked to, shutting down, or after a stale write.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the current call completes; the next call starts a fresh activation.</summary>
    protected void DeactivateOnIdle() =>
        _activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "The grain called DeactivateOnIdle."));

    /// <summary>
    /// Registers a timer whose callback runs as a turn of this grain; ticks never overlap (the next period
    /// starts when a tick completes). Timers live and die with the activation; use a reminder to survive it.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(static (cb, ct) => cb(ct), callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, TimeSpan, TimeSpan)"/>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        _activation.RegisterTimer(callback, state, options);

    /// <summary>Creates or updates a durable reminder; its ticks arrive through <see cref="IRemindable.ReceiveReminder"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default) =>
        _activation.Runtime.Reminders.RegisterOrUpdateAsync(this, reminderName, dueTime, period, cancellationToken);

    protected Task UnregisterReminder(IGrainReminder reminder, CancellationToken cancellationToken = default) =>
        _activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName, cancellationToken);

    protected Task<IGrainReminder?> GetReminder(string reminderName, CancellationToken cancellationToken = default) =>
        _activation.Runtime.Reminders.GetAsync(GrainId, reminderName, cancellationToken);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders(CancellationToken cancellationToken = default) =>
        _activation.Runtime.Reminders.GetAllAsync(GrainId, cancellationToken);
}
