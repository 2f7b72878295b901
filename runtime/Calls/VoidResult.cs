namespace BudgetActors.Runtime;

/// <summary>
/// The result of a grain method that returns a plain <see cref="Task"/> or <see cref="ValueTask"/>, so every
/// call can travel as <see cref="GrainCall{TResult}"/>.
/// </summary>
public readonly record struct VoidResult
{
    private static readonly Task<VoidResult> s_completed = Task.FromResult(default(VoidResult));

    /// <summary>Adapts a method's task; allocates nothing when the method finished synchronously.</summary>
    public static Task<VoidResult> From(Task task) =>
        task.IsCompletedSuccessfully ? s_completed : Await(task);

    /// <inheritdoc cref="From(Task)"/>
    public static Task<VoidResult> From(ValueTask task) =>
        task.IsCompletedSuccessfully ? s_completed : Await(task.AsTask());

    /// <summary>Adapts a ValueTask-returning method's result.</summary>
    public static Task<T> FromValueTask<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? Task.FromResult(task.Result) : task.AsTask();

    private static async Task<VoidResult> Await(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
