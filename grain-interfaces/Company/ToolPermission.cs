namespace BudgetActors.GrainInterfaces;

/// <summary>A user's permission level on one tool (Budget, or ERP Integrations), lowest first.</summary>
public enum ToolPermission
{
    None,
    ReadOnly,
    Standard,
    Admin,
}
