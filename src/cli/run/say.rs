//! What `regie run` says on stderr, in Dutch and English (`--lang`): refusals, where the log
//! is, and a command to continue that works as written (it names the log file itself).

use crate::i18n::Lang;
use std::path::Path;

/// `regie run: <message>`, the prefix every runner message has.
pub fn prefixed(message: &str) -> String {
    format!("regie run: {message}")
}

pub fn skipped_log(lang: Lang, error: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Nl => format!("een log die niet te lezen is, is overgeslagen: {error}"),
        Lang::En => format!("skipped a log that cannot be read: {error}"),
    }
}

pub fn no_terminal(lang: Lang) -> String {
    match lang {
        Lang::Nl => "dit is geen terminal (invoer of uitvoer is omgeleid); start regie run \
                     in een terminalvenster. Er is geen log gemaakt."
            .into(),
        Lang::En => "this is not a terminal (input or output is redirected); start regie run \
                     in a terminal window. No log was made."
            .into(),
    }
}

pub fn cannot_use_terminal(lang: Lang, error: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Nl => format!("kan deze terminal niet gebruiken: {error}"),
        Lang::En => format!("cannot use this terminal: {error}"),
    }
}

/// After a session name that is neither a file nor bundled: the bundled ones it may mean.
pub fn did_you_mean(lang: Lang, names: &[String]) -> String {
    let commands: Vec<String> = names.iter().map(|n| format!("regie run {n}")).collect();
    match lang {
        Lang::Nl => format!("bedoelde je: {}?", commands.join(" of ")),
        Lang::En => format!("did you mean: {}?", commands.join(" or ")),
    }
}

pub fn no_unfinished(lang: Lang, session: &str, dir: &Path) -> String {
    let dir = dir.display();
    match lang {
        Lang::Nl => format!(
            "--resume: geen onderbroken run van {session} in {dir}; start zonder --resume \
             (of noem de log: regie run LOG.ron)"
        ),
        Lang::En => format!(
            "--resume: no unfinished run of {session} in {dir}; start without --resume \
             (or name the log: regie run LOG.ron)"
        ),
    }
}

pub fn does_not_fit(lang: Lang, log: &Path, session: &str, why: &dyn std::fmt::Display) -> String {
    let log = log.display();
    match lang {
        Lang::Nl => format!(
            "{log} kan niet verder met {session}: {why}; start zonder --resume een nieuwe \
             run (de oude log blijft bewaard)"
        ),
        Lang::En => format!(
            "{log} cannot be continued with {session}: {why}; run it without --resume to \
             start a new log (the old one is kept)"
        ),
    }
}

pub fn log_unreadable(lang: Lang, error: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Nl => format!("kan deze log niet voortzetten: {error}"),
        Lang::En => format!("cannot continue this log: {error}"),
    }
}

pub fn log_finished(lang: Lang, log: &Path) -> String {
    let log = log.display();
    match lang {
        Lang::Nl => format!("{log} is een afgeronde run; bekijk hem met: regie review {log}"),
        Lang::En => format!("{log} is a finished run; look at it with: regie review {log}"),
    }
}

pub fn session_not_found(lang: Lang, log: &Path, file: &str) -> String {
    let log = log.display();
    match lang {
        Lang::Nl => format!(
            "het sessiebestand {file} van {log} is niet gevonden; start regie in de map waar \
             de run begon, of gebruik: regie run SESSIE --resume --log-dir MAP"
        ),
        Lang::En => format!(
            "the session file {file} of {log} was not found; start regie in the folder where \
             the run began, or use: regie run SESSION --resume --log-dir DIR"
        ),
    }
}

pub fn not_abandoned(lang: Lang, log: &Path, error: &dyn std::fmt::Display) -> String {
    let log = log.display();
    match lang {
        Lang::Nl => format!("kan {log} niet als afgebroken markeren: {error}"),
        Lang::En => format!("cannot mark {log} abandoned: {error}"),
    }
}

/// After a finished run.
pub fn log_is_in(lang: Lang, log: &str) -> String {
    match lang {
        Lang::Nl => format!("de log staat in {log}"),
        Lang::En => format!("the log is in {log}"),
    }
}

/// After leaving mid-run: where the log is, and the command that continues it.
pub fn continue_with(lang: Lang, log: &str) -> String {
    let command = format!("regie run {}", quoted(log));
    match lang {
        Lang::Nl => format!("de log staat in {log}; verder met: {command}"),
        Lang::En => format!("the log is in {log}; continue with: {command}"),
    }
}

pub fn saved_instead(lang: Lang, error: &str, log: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "de log kon niet worden geschreven ({error}); hij is in plaats daarvan opgeslagen \
             in {log}"
        ),
        Lang::En => {
            format!("the log could not be written ({error}); it was saved in {log} instead")
        }
    }
}

pub fn nowhere(lang: Lang, why: &str, ron: &str) -> String {
    match lang {
        Lang::Nl => format!(
            "de log kon nergens worden geschreven ({why}); hier is hij, bewaar hem als \
             .ron-bestand:\n{ron}"
        ),
        Lang::En => format!(
            "the log could not be written anywhere ({why}); here it is, save it as a .ron \
             file to keep it:\n{ron}"
        ),
    }
}

/// A path as a shell takes it: in single quotes when it holds anything but plain characters.
pub fn quoted(path: &str) -> String {
    let plain = path
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-+:@,".contains(c));
    if plain && !path.is_empty() {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_or_quotes_are_quoted_for_the_shell() {
        assert_eq!(quoted("/home/a/logs/dag.ron"), "/home/a/logs/dag.ron");
        assert_eq!(quoted("/mnt/USB stick/dag.ron"), "'/mnt/USB stick/dag.ron'");
        assert_eq!(quoted("it's.ron"), "'it'\\''s.ron'");
    }

    #[test]
    fn the_hint_follows_the_language() {
        assert!(continue_with(Lang::Nl, "x.ron").contains("verder met: regie run x.ron"));
        assert!(continue_with(Lang::En, "x.ron").contains("continue with: regie run x.ron"));
    }
}
