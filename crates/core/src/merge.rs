//! Records merged by id: the one rule behind two tabs' saves (`sync`), a restored backup
//! (`backup`) and a workshop imported from a file (`Workshops::import`). A record only one side
//! has is kept; the same record on both sides is one; where the two versions differ, the side
//! that wins stays and the other's version is handed back, so the caller can say what was
//! replaced. Builds on nothing else in the crate.

/// Which version stays when a record is on both sides and the two differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wins {
    /// The version already kept (a backup never overwrites what is here; another tab's later
    /// save is the kept side when this tab's records are merged into it).
    Kept,
    /// The incoming version (a file imported into a saved workshop is the later word).
    Incoming,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged<T> {
    /// Records only the incoming side had, now kept.
    pub added: usize,
    /// The versions that lost, one per record both sides had in other versions.
    pub lost: Vec<T>,
}

/// Merges `incoming` into `kept` by `id`, in `kept`'s order with new records after it.
pub fn by_id<T, K>(
    kept: &mut Vec<T>,
    incoming: &[T],
    id: impl Fn(&T) -> &K,
    wins: Wins,
) -> Merged<T>
where
    T: Clone + PartialEq,
    K: PartialEq + ?Sized,
{
    let mut merged = Merged {
        added: 0,
        lost: Vec::new(),
    };
    for record in incoming {
        match kept.iter_mut().find(|here| id(here) == id(record)) {
            None => {
                kept.push(record.clone());
                merged.added += 1;
            }
            Some(here) if here == record => {}
            Some(here) => merged.lost.push(match wins {
                Wins::Kept => record.clone(),
                Wins::Incoming => std::mem::replace(here, record.clone()),
            }),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    type Record = (String, u8);

    fn merged(
        kept: &[(&str, u8)],
        incoming: &[(&str, u8)],
        wins: Wins,
    ) -> (Vec<Record>, Merged<Record>) {
        let own = |list: &[(&str, u8)]| -> Vec<Record> {
            list.iter().map(|(id, v)| ((*id).to_owned(), *v)).collect()
        };
        let mut kept = own(kept);
        let result = by_id(&mut kept, &own(incoming), |(id, _)| id.as_str(), wins);
        (kept, result)
    }

    #[test]
    fn a_record_one_side_has_is_kept_and_a_differing_one_follows_the_winner() {
        let (list, result) = merged(&[("a", 1), ("b", 2)], &[("b", 3), ("c", 4)], Wins::Kept);
        assert_eq!(list, [("a".into(), 1), ("b".into(), 2), ("c".into(), 4)]);
        assert_eq!((result.added, result.lost), (1, vec![("b".into(), 3)]));
        let (list, result) = merged(&[("a", 1), ("b", 2)], &[("b", 3), ("c", 4)], Wins::Incoming);
        assert_eq!(list, [("a".into(), 1), ("b".into(), 3), ("c".into(), 4)]);
        assert_eq!((result.added, result.lost), (1, vec![("b".into(), 2)]));
    }

    #[test]
    fn merging_the_same_records_again_changes_nothing() {
        for wins in [Wins::Kept, Wins::Incoming] {
            let (once, _) = merged(&[("a", 1)], &[("a", 2), ("b", 3)], wins);
            let borrowed: Vec<(&str, u8)> = once.iter().map(|(id, v)| (id.as_str(), *v)).collect();
            let (twice, result) = merged(&borrowed, &[("a", 2), ("b", 3)], wins);
            assert_eq!(twice, once);
            assert_eq!(
                (result.added, result.lost.len()),
                (0, usize::from(wins == Wins::Kept))
            );
        }
    }
}
