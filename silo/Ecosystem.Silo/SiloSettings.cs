namespace Ecosystem.Silo;

/// <summary>Settings of a standalone silo, bound from the "Silo" section (appsettings.json, Silo__* environment variables, --options).</summary>
public sealed class SiloSettings
{
    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silo port of the primary silo to join; null makes this silo the primary.</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>Orleans cluster id.</summary>
    public string ClusterId { get; set; } = "ecosystem";

    /// <summary>Orleans service id.</summary>
    public string ServiceId { get; set; } = "ecosystem";
}
