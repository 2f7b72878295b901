namespace System.Runtime.CompilerServices;

/// <summary>Lets the generator's models be records: netstandard2.0 lacks the type init accessors need.</summary>
internal static class IsExternalInit;
