using System.Collections.Concurrent;
using System.Reflection;

namespace BudgetActors.Runtime;

/// <summary>
/// An exception as it travels: its type (full name and assembly), message and optional detail; and the
/// way back to an exception of the same type on the receiving side.
/// </summary>
internal sealed record RemoteError(string Type, string Message, string? Detail)
{
    private static readonly ConcurrentDictionary<string, Func<string, string?, Exception>?> s_factories = new(StringComparer.Ordinal);

    public static RemoteError From(Exception exception)
    {
        var type = exception.GetType();
        var detail = type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRemoteException<>))
            ?.GetProperty(nameof(IRemoteException<>.RemoteDetail))?.GetValue(exception) as string;
        return new RemoteError($"{type.FullName}, {type.Assembly.GetName().Name}", exception.Message, detail);
    }

    public Exception ToException() =>
        s_factories.GetOrAdd(Type, FactoryFor)?.Invoke(Message, Detail)
        ?? new RemoteGrainException(Type.Split(',')[0], Message);

    /// <summary>Only exception types are ever built from what the network says, and only through known constructors.</summary>
    private static Func<string, string?, Exception>? FactoryFor(string typeName)
    {
        var type = System.Type.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(Exception).IsAssignableFrom(type))
        {
            return null;
        }

        var remote = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRemoteException<>));
        if (remote is not null)
        {
            var map = type.GetInterfaceMap(remote);
            var index = Array.FindIndex(map.InterfaceMethods, m => m.Name == nameof(IRemoteException<>.FromRemote));
            var fromRemote = map.TargetMethods[index];
            return (message, detail) => (Exception)fromRemote.Invoke(null, [message, detail])!;
        }

        var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]);
        return constructor is null ? null : (message, _) => (Exception)constructor.Invoke([message]);
    }
}
