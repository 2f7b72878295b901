namespace BudgetActors.GrainInterfaces;

/// <summary>A budget grain's key: <c>companyId:projectId</c> (neither may contain ':').</summary>
public static class BudgetKey
{
    public static string Of(string companyId, string projectId) => $"{companyId}:{projectId}";

    public static (string CompanyId, string ProjectId) Parse(string key) =>
        key.IndexOf(':', StringComparison.Ordinal) is var at and > 0 && at < key.Length - 1
            ? (key[..at], key[(at + 1)..])
            : throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"'{key}' is not a budget key (companyId:projectId).");
}
