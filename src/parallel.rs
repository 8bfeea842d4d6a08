//! Work spread over all cores: each item is taken by the next free worker,
//! and results come back in the order of the items.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Maps every item with `f` on all cores (a few items stay on this thread),
/// keeping the items' order; `None` results are dropped.
pub fn filter_map_ordered<I: Sync, T: Send>(
    items: &[I],
    f: impl Fn(&I) -> Option<T> + Sync,
) -> Vec<T> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 || items.len() < 4 {
        return items.iter().filter_map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let (next, f) = (&next, &f);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        if let Some(t) = f(item) {
                            mine.push((i, t));
                        }
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(part) => part,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// Maps every item with `f` on all cores, keeping the items' order.
pub fn map_ordered<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    filter_map_ordered(items, |item| Some(f(item)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept_and_nones_dropped() {
        let items: Vec<u32> = (0..1000).collect();
        let out = filter_map_ordered(&items, |i| (i % 3 != 0).then_some(i * 2));
        let want: Vec<u32> = items
            .iter()
            .filter(|i| *i % 3 != 0)
            .map(|i| i * 2)
            .collect();
        assert_eq!(out, want);
        assert_eq!(map_ordered(&[1, 2], |i| i + 1), vec![2, 3]);
    }
}
