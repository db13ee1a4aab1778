//! A session's identity does not depend on how its path was typed (property): `./`, `x/..`,
//! absolute or relative to another folder, it is one session, and a bundled session is the same
//! session as a copy of its file in a folder named after its programme.

use proptest::prelude::*;
use regie::journal::identity::session_identity;
use std::path::{Path, PathBuf};

/// `target` (absolute) written from `base` (absolute) with detours: `./` and `sub/..` pieces,
/// or as its absolute path.
fn spelled(target: &Path, base: &Path, detours: &[u8], absolute: bool) -> PathBuf {
    if absolute {
        let mut path = PathBuf::from("/");
        for (i, part) in target.components().skip(1).enumerate() {
            match detours.get(i).map(|d| d % 3) {
                Some(1) => path.push("."),
                Some(2) => path.push("sessions/.."),
                _ => {}
            }
            path.push(part);
        }
        return path;
    }
    let ups = base.components().count() - 1;
    let mut path = PathBuf::new();
    for _ in 0..ups {
        path.push("..");
    }
    for (i, part) in target.components().skip(1).enumerate() {
        if detours.get(i).is_some_and(|d| d % 3 == 1) {
            path.push(".");
        }
        path.push(part);
    }
    path
}

proptest! {
    #![proptest_config(crate::support::props::config(64))]

    #[test]
    fn however_the_path_is_typed_the_identity_is_the_same(
        detours in prop::collection::vec(any::<u8>(), 0..8),
        absolute in any::<bool>(),
        with_programme in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("canonical");
        let folder = root.join("sessions/leergang");
        std::fs::create_dir_all(&folder).expect("folders");
        let file = folder.join("dag-2.ron");
        std::fs::write(&file, "Session()").expect("write");
        let programme = with_programme.then_some("leergang");
        let plain = session_identity(file.to_str().expect("utf-8"), programme);
        let cwd = std::env::current_dir().expect("cwd").canonicalize().expect("canonical");
        let typed = spelled(&file, &cwd, &detours, absolute);
        prop_assert_eq!(session_identity(typed.to_str().expect("utf-8"), programme), plain.clone());
        if with_programme {
            prop_assert_eq!(
                session_identity("bundled:sessions/leergang/dag-2.ron", programme),
                plain
            );
        }
    }
}
