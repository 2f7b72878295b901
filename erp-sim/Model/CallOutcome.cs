namespace BudgetActors.ErpSimulator;

/// <summary>What the journal writes for a call; the operation's handler sets it when it is not plain "ok".</summary>
internal sealed class CallOutcome
{
    public string Outcome { get; set; } = "ok";
}
