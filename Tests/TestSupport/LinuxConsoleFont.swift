/// The characters above ASCII that Debian's console fonts for Latvian
/// both draw: console-setup 1.221's `Lat7-Terminus16.psf.gz` and
/// `Uni2-Fixed16.psf.gz`, read from their Unicode tables (a PSF2 font maps
/// at most 512 glyphs). What the board draws on the Linux console
/// (`TERM=linux`) must be among them, or the console shows its replacement
/// character (issue 30).
public enum LinuxConsoleFont {
    public static let characters: Set<Character> = Set("¡¢£¤¦§¨©«¬®¯°±²³´µ¶·¸¹»¼½¾¿ÀÁÂÄÅÆÇÈÉÊËÍÑÓÕÖ×ØÚÜßàáâäåæçèéêëíñóõö÷øúüĀāĄąĆćČčĒēĖėĘęĢģĪīĮįĶķĻļŁłŃńŅņŌōŖŗŚśŠšŪūŲųŹźŻżŽžˇˉ˙˛ΑΒΕΖΗΙΚΜΝΟΡΤΧμπЁЅІЈАВЕКМНОРСТХаеорсухёѕіјҮ‐‑‒–—―‘’‚“”„†‡•…‰‹›€№™KÅ←↑→↓−≈≠≤≥≪≫⊕⊖⊘⊙⊛⊜①②③④⑤⑥⑦⑧⑨ⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏⓐⓑⓒⓓⓔⓕⓖⓗⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩ⓪─━│┃┄┅┆┇┈┉┊┋┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋╌╍╎╏═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯╰╱╲╳╴╵╶╷╸╹╺╻╼╽╾╿█░▒■▮▲▴▶▸▼▾◀◂◈●☐☑☒♦✗✘⮽�")

    /// The characters of `text` above ASCII that the console fonts do not draw.
    public static func missing(in text: String) -> [Character] {
        var seen = Set<Character>()
        return text.filter { $0.unicodeScalars.contains { $0.value > 0x7E } && !characters.contains($0) && seen.insert($0).inserted }
    }
}
