namespace BudgetActors.ErpSimulator;

/// <summary>A call's result, or the fault injected in its place.</summary>
internal readonly record struct CallAnswer<T>(T? Result, InjectedFault? Fault);
