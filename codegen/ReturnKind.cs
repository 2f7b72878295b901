namespace BudgetActors.CodeGenerator;

/// <summary>The task types a grain method may return; each adapts differently to the runtime's <c>Task&lt;TResult&gt;</c>.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfResult,
    ValueTask,
    ValueTaskOfResult,
}
