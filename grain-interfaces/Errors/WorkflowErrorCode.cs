namespace BudgetActors.GrainInterfaces;

/// <summary>Why the workflow refused a request. Every refusal changes nothing.</summary>
public enum WorkflowErrorCode
{
    /// <summary>A value is missing, malformed or out of range.</summary>
    InvalidInput,

    /// <summary>The budget, company, user or line does not exist.</summary>
    NotFound,

    /// <summary>It exists already (a budget, a line with the same cost code and category).</summary>
    AlreadyExists,

    /// <summary>The caller's tool permission or privilege does not allow it.</summary>
    PermissionDenied,

    /// <summary>The budget is not in a status that allows it.</summary>
    WrongState,

    /// <summary>An amount is negative where it cannot be, or has more than two decimal places.</summary>
    InvalidAmount,

    /// <summary>Lines can only be edited while the budget is unlocked.</summary>
    EditWhileLocked,

    /// <summary>The budget must be locked first.</summary>
    NotLocked,

    /// <summary>Unlocking a budget waiting for acceptance: retrieve it first.</summary>
    RetrieveFirst,

    /// <summary>The exported amounts are not in the ERP's job cost data yet.</summary>
    NotSyncedBack,

    /// <summary>Budget changes of a project synced with the ERP cannot be deleted.</summary>
    ChangeOnSyncedProject,

    /// <summary>The project is not linked to an ERP job, or the job is not synced.</summary>
    JobNotSynced,

    /// <summary>A cost code on the budget is unknown to the ERP company.</summary>
    UnknownCostCode,

    /// <summary>The ERP job already holds estimates: import the budget instead of exporting it.</summary>
    JobHasEstimates,

    /// <summary>The ERP does not support it (Vista has no budget import).</summary>
    NotSupported,

    /// <summary>Another approver decided this item first.</summary>
    AlreadyDecided,

    /// <summary>The ERP could not be reached (down, timing out, or paused after repeated failures); try again later.</summary>
    ErpUnavailable,

    /// <summary>The ERP refused the request; the message carries its error code, text and column.</summary>
    ErpRefused,
}
