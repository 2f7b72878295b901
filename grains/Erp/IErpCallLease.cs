namespace BudgetActors.Grains.Erp;

/// <summary>
/// The right to make one call to one ERP company. Orleans keeps one gateway activation per company only
/// eventually (a false death declaration or a partition can briefly give two, on two silos), yet no two calls
/// to one company may ever overlap anywhere in the cluster: the gateway's worker holds a lease for exactly the
/// duration of each connector call, and the lease, not the activation, is what makes calls exclusive.
/// </summary>
public interface IErpCallLease
{
    /// <summary>
    /// Waits until no one else holds the lease of <paramref name="erpCompanyKey"/> (the gateway's key, e.g.
    /// <c>spectrum:001</c>; compared without regard to case), takes it, and returns what releases it.
    /// Calls to different companies never wait for each other.
    /// </summary>
    /// <returns>Disposing it releases the lease; disposing it again does nothing.</returns>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> fired before the lease was taken; nothing is held then.
    /// </exception>
    ValueTask<IAsyncDisposable> AcquireAsync(string erpCompanyKey, CancellationToken cancellationToken);
}
