namespace BudgetActors.GrainInterfaces;

/// <summary>Where a budget is in its round trip to the ERP.</summary>
public enum BudgetStatus
{
    /// <summary>Not created yet.</summary>
    None,

    /// <summary>Editable: lines can be added, changed and removed.</summary>
    Unlocked,

    /// <summary>Frozen, ready to send; change it through budget changes.</summary>
    Locked,

    /// <summary>Sent to ERP Integrations, waiting for an accounting approver.</summary>
    PendingAcceptance,

    /// <summary>Accepted; the ERP gateway is exporting it.</summary>
    Exporting,

    /// <summary>The ERP took the export.</summary>
    Synced,

    /// <summary>The ERP refused the export; listed under "Failed to Export".</summary>
    ExportFailed,
}
