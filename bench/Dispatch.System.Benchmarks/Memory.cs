using System.Globalization;

namespace Dispatch.System.Benchmarks;

internal static class Memory
{
    /// <summary>Peak resident set size (VmHWM) of a process, in kB; 0 if it cannot be read.</summary>
    public static long PeakKb(int processId) => Field(processId, "VmHWM:");

    public static long ResidentKb(int processId) => Field(processId, "VmRSS:");

    private static long Field(int processId, string name)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
