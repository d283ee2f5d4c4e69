//! Every colour and emphasis in one place. Projector-safe: meaning is never
//! carried by colour alone (bold, reverse video and symbols carry it too),
//! and `NO_COLOR` turns every colour off, whatever the theme.
//!
//! Three palettes: `dark` (the default, for a dark terminal), `light` (dark,
//! fixed colours for a light terminal, where light grey and yellow vanish)
//! and `high-contrast` (the terminal's own foreground and background for
//! all text, with bold and reverse video for emphasis and keys shown
//! reversed like keycaps: nothing pale for a washed-out projector to lose,
//! on a light or dark background).

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Palette {
    #[default]
    Dark,
    Light,
    HighContrast,
}

/// The environment variable that chooses the theme (the `--theme` flag wins).
pub const THEME_ENV: &str = "ROUNDTABLE_THEME";

impl Palette {
    pub const ALL: [Palette; 3] = [Palette::Dark, Palette::Light, Palette::HighContrast];

    /// The name the `--theme` flag and `ROUNDTABLE_THEME` use.
    pub fn name(self) -> &'static str {
        match self {
            Palette::Dark => "dark",
            Palette::Light => "light",
            Palette::HighContrast => "high-contrast",
        }
    }

    /// The next palette, for the key that cycles them.
    pub fn next(self) -> Palette {
        match self {
            Palette::Dark => Palette::Light,
            Palette::Light => Palette::HighContrast,
            Palette::HighContrast => Palette::Dark,
        }
    }
}

impl fmt::Display for Palette {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Palette {
    type Err = String;
    fn from_str(s: &str) -> Result<Palette, String> {
        Palette::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("{s:?} is not a theme: use dark, light or high-contrast"))
    }
}

/// The palette to start with: the flag, else `ROUNDTABLE_THEME`, else the
/// one remembered from last time, else dark. A mistyped flag or variable is
/// an error (the person asked for something); a remembered name this
/// version does not know is ignored.
pub fn choose(flag: Option<&str>, env: Option<&str>, remembered: Option<&str>) -> Result<Palette, String> {
    if let Some(flag) = flag {
        return flag.parse();
    }
    if let Some(env) = env.filter(|e| !e.trim().is_empty()) {
        return env.parse().map_err(|e| format!("{THEME_ENV}: {e}"));
    }
    Ok(remembered.and_then(|r| r.parse().ok()).unwrap_or_default())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// The dark palette, coloured unless `NO_COLOR` is set.
    pub fn from_env() -> Theme {
        Theme::new(Palette::Dark)
    }

    /// `palette`, coloured unless `NO_COLOR` is set to anything non-empty
    /// (no-color.org).
    pub fn new(palette: Palette) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            palette,
        }
    }

    pub fn plain() -> Theme {
        Theme {
            color: false,
            palette: Palette::Dark,
        }
    }

    /// Text in `color` on the dark and light palettes (`light` for the light
    /// one); the terminal's own foreground in high contrast and without colour.
    fn fg(&self, dark: Color, light: Color) -> Style {
        match (self.color, self.palette) {
            (true, Palette::Dark) => Style::new().fg(dark),
            (true, Palette::Light) => Style::new().fg(light),
            _ => Style::new(),
        }
    }

    /// Screen and section titles.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan, DARK_BLUE).add_modifier(Modifier::BOLD)
    }
    /// The selected row of a list or navigator.
    pub fn selected(&self) -> Style {
        let bold = Modifier::BOLD;
        match (self.color, self.palette) {
            (true, Palette::Dark) => Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
            (true, Palette::Light) => Style::new().fg(WHITE).bg(DARK_BLUE).add_modifier(bold),
            _ => Style::new().add_modifier(Modifier::REVERSED | bold),
        }
    }
    /// Key names in footers and help; in high contrast, reversed like keycaps.
    pub fn key(&self) -> Style {
        let style = self.fg(Color::Yellow, PURPLE).add_modifier(Modifier::BOLD);
        match (self.color, self.palette) {
            (true, Palette::HighContrast) => style.add_modifier(Modifier::REVERSED),
            _ => style,
        }
    }
    /// Secondary text: guidance, counts, hints. Never dimmed: dim text
    /// vanishes on projectors.
    pub fn muted(&self) -> Style {
        self.fg(Color::Gray, DARK_GREY)
    }
    pub fn success(&self) -> Style {
        self.fg(Color::Green, DARK_GREEN).add_modifier(Modifier::BOLD)
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow, DARK_ORANGE).add_modifier(Modifier::BOLD)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red, DARK_RED).add_modifier(Modifier::BOLD)
    }
    /// Border of the focused pane.
    pub fn focus_border(&self) -> Style {
        self.fg(Color::Cyan, DARK_BLUE).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray, MID_GREY)
    }
}

// The light palette uses fixed 256-colour values rather than the 16 named
// ones, which each terminal theme redefines (often pale on light ones).
// Each reads at 7:1 or better on white, except the borders.
const DARK_BLUE: Color = Color::Indexed(24); // #005f87
const PURPLE: Color = Color::Indexed(90); // #870087
const DARK_GREY: Color = Color::Indexed(238); // #444444
const MID_GREY: Color = Color::Indexed(244); // #808080
const DARK_GREEN: Color = Color::Indexed(22); // #005f00
const DARK_ORANGE: Color = Color::Indexed(130); // #af5f00
const DARK_RED: Color = Color::Indexed(124); // #af0000
const WHITE: Color = Color::Indexed(231); // #ffffff

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_remembered_beats_dark() {
        let light = Some("light");
        let high = Some("high-contrast");
        assert_eq!(choose(Some("dark"), light, high), Ok(Palette::Dark));
        assert_eq!(choose(None, light, high), Ok(Palette::Light));
        assert_eq!(choose(None, None, high), Ok(Palette::HighContrast));
        assert_eq!(choose(None, Some(""), high), Ok(Palette::HighContrast));
        assert_eq!(choose(None, None, None), Ok(Palette::Dark));
        assert_eq!(choose(None, None, Some("sepia")), Ok(Palette::Dark));
        let err = choose(None, Some("sepia"), None).unwrap_err();
        assert!(err.contains("ROUNDTABLE_THEME") && err.contains("dark, light or high-contrast"));
    }

    #[test]
    fn names_round_trip_and_cycle_through_all() {
        for p in Palette::ALL {
            assert_eq!(p.name().parse(), Ok(p));
        }
        assert_eq!(Palette::Dark.next().next().next(), Palette::Dark);
    }

    #[test]
    fn without_colour_every_palette_is_plain() {
        for palette in Palette::ALL {
            let theme = Theme {
                color: false,
                palette,
            };
            for style in [
                theme.title(),
                theme.key(),
                theme.muted(),
                theme.error(),
                theme.border(),
            ] {
                assert_eq!((style.fg, style.bg), (None, None), "{palette}");
            }
            assert!(theme.selected().add_modifier.contains(Modifier::REVERSED));
        }
    }

    #[test]
    fn high_contrast_uses_the_terminals_own_colours() {
        let theme = Theme {
            color: true,
            palette: Palette::HighContrast,
        };
        assert_eq!(theme.muted().fg, None);
        assert_eq!(theme.key().fg, None);
        assert!(
            theme
                .key()
                .add_modifier
                .contains(Modifier::BOLD | Modifier::REVERSED)
        );
    }
}
