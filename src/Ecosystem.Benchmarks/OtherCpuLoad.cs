using System.Globalization;

namespace Ecosystem.Benchmarks;

/// <summary>How busy the rest of the machine kept its cores while a measurement ran: CPU time of every process (and
/// time stolen by the hypervisor) less this process's own and its finished children's, in cores. Figures taken
/// beside other work are slower than the code deserves, and say so.</summary>
public sealed class OtherCpuLoad
{
    private readonly Snapshot _start = Snapshot.Take();

    /// <summary>Starts counting now.</summary>
    public static OtherCpuLoad Start() => new();

    /// <summary>Cores the rest of the machine kept busy on average since the start; NaN where /proc is missing.</summary>
    public double Cores()
    {
        var end = Snapshot.Take();
        return OtherCores(end.MachineBusy - _start.MachineBusy, end.MachineTotal - _start.MachineTotal, end.Own - _start.Own, Environment.ProcessorCount);
    }

    /// <summary>Cores busy with other work: machine busy ticks less our own, over the wall ticks (all ticks of every
    /// core divided by the cores).</summary>
    public static double OtherCores(long machineBusy, long machineTotal, long own, int cores) =>
        machineTotal <= 0 ? double.NaN : Math.Max(0, machineBusy - own) / ((double)machineTotal / cores);

    private readonly record struct Snapshot(long MachineBusy, long MachineTotal, long Own)
    {
        public static Snapshot Take()
        {
            if (!File.Exists("/proc/stat") || !File.Exists("/proc/self/stat"))
            {
                return default;
            }

            // cpu user nice system idle iowait irq softirq steal ...: guest time is already inside user.
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(Parse).ToArray();
            var busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
            var total = busy + cpu[3] + cpu[4];

            // After the command name: state is field 3, utime, stime, cutime, cstime are fields 14 to 17.
            var self = File.ReadAllText("/proc/self/stat");
            var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            var own = Parse(fields[11]) + Parse(fields[12]) + Parse(fields[13]) + Parse(fields[14]);
            return new Snapshot(busy, total, own);
        }

        private static long Parse(string text) => long.Parse(text, CultureInfo.InvariantCulture);
    }
}
