namespace BudgetActors.Grains.Domain;

/// <summary>Who may do what, as the company directory says.</summary>
internal static class Permissions
{
    /// <summary>Creating lines, locking, unlocking, sending and retrieving need Admin on the Budget tool.</summary>
    public static void RequireBudgetAdmin(CompanyUser user, string action)
    {
        if (user.BudgetTool != ToolPermission.Admin)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied,
                $"{user.Name} has {Describe(user.BudgetTool)} on the Budget tool; to {action} they need Admin.");
        }
    }

    /// <summary>Accepting and rejecting need 'Can Push to Accounting' and Standard or Admin on ERP Integrations.</summary>
    public static void RequireApprover(CompanyUser user, string action)
    {
        if (!user.CanPushToAccounting)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied,
                $"{user.Name} cannot {action}: that needs the 'Can Push to Accounting' privilege in the company directory.");
        }

        if (user.ErpTool < ToolPermission.Standard)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied,
                $"{user.Name} has {Describe(user.ErpTool)} on ERP Integrations; to {action} they need Standard or Admin.");
        }
    }

    /// <summary>Importing a budget from the ERP needs Standard or higher on ERP Integrations.</summary>
    public static void RequireErpStandard(CompanyUser user, string action)
    {
        if (user.ErpTool < ToolPermission.Standard)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied,
                $"{user.Name} has {Describe(user.ErpTool)} on ERP Integrations; to {action} they need Standard or Admin.");
        }
    }

    /// <summary>Seeing ERP Integrations (its lists, the ERP queue) needs Read Only or higher on it.</summary>
    public static void RequireErpView(CompanyUser user, string action)
    {
        if (user.ErpTool < ToolPermission.ReadOnly)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied,
                $"{user.Name} has {Describe(user.ErpTool)} on ERP Integrations; to {action} they need Read Only or higher.");
        }
    }

    private static string Describe(ToolPermission permission) => permission switch
    {
        ToolPermission.None => "no permission",
        ToolPermission.ReadOnly => "Read Only",
        _ => permission.ToString(),
    };
}
