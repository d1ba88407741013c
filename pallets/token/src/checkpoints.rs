//! Voting-power history: pure functions over a list of checkpoints.
//!
//! A checkpoint `(block, value)` says "from the end of `block` on, the value was `value`". A list
//! is strictly increasing in `block`. The value at block `b` is that of the last checkpoint at or
//! before `b`, or zero if there is none: the state at the **end** of block `b`, so that changes
//! made in a later block never change what is read at `b`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::traits::Zero;

/// One point of a value's history.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Checkpoint<BlockNumber, Balance> {
	/// The block at whose end the value took effect.
	pub block: BlockNumber,
	/// The value from then on.
	pub value: Balance,
}

/// What [`record`] did to keep the list within its bound.
#[derive(PartialEq, Eq, Debug, Clone, Copy)]
pub enum Recorded {
	/// The value was recorded without losing any information.
	Exact,
	/// The list was full even after pruning: the two oldest checkpoints after the horizon
	/// keeper were merged into one holding the smaller value (never over-counting).
	Coarsened,
}

/// The value at the end of `block`: binary search, O(log n).
pub fn value_at<B: Ord + Copy, V: Zero + Copy>(history: &[Checkpoint<B, V>], block: B) -> V {
	let after = history.partition_point(|c| c.block <= block);
	match after.checked_sub(1) {
		Some(i) => history[i].value,
		None => V::zero(),
	}
}

/// The latest value (zero for an empty history).
pub fn latest<B, V: Zero + Copy>(history: &[Checkpoint<B, V>]) -> V {
	history.last().map(|c| c.value).unwrap_or_else(V::zero)
}

/// Drops the checkpoints that no query at or after `horizon` can need: every checkpoint before
/// the last one at or before `horizon`. Returns how many were dropped.
pub fn prune<B: Ord + Copy, V, S: Get<u32>>(
	history: &mut BoundedVec<Checkpoint<B, V>, S>,
	horizon: B,
) -> u32 {
	// Index of the last checkpoint at or before the horizon, which must stay.
	let keep_from = history.partition_point(|c| c.block <= horizon).saturating_sub(1);
	if keep_from == 0 {
		return 0;
	}
	// `keep_from < len`, so the drain range is in bounds.
	history.drain(..keep_from);
	keep_from as u32
}

/// Records that the value became `value` in `block` (`block` is the current block, never older
/// than the last checkpoint). At most one checkpoint per block: a second change in the same
/// block overwrites the first. A value equal to the latest adds nothing. When the list is full,
/// checkpoints older than `horizon` are pruned first; if it is still full, the history is
/// coarsened (see [`Recorded::Coarsened`]). An empty bound (`S = 0`) records nothing.
pub fn record<B: Ord + Copy, V: PartialEq + Ord + Zero + Copy, S: Get<u32>>(
	history: &mut BoundedVec<Checkpoint<B, V>, S>,
	block: B,
	value: V,
	horizon: B,
) -> Recorded {
	if let Some(last) = history.last_mut() {
		if last.block >= block {
			// Same block (or, defensively, an older one): overwrite.
			last.value = value;
			dedup_tail(history);
			return Recorded::Exact;
		}
		if last.value == value {
			return Recorded::Exact;
		}
	} else if value.is_zero() {
		// An empty history already reads zero everywhere.
		return Recorded::Exact;
	}
	let mut outcome = Recorded::Exact;
	if history.is_full() {
		prune(history, horizon);
	}
	if history.is_full() {
		if history.len() >= 3 {
			// Merge checkpoints 1 and 2 (index 0 is the horizon keeper): keep the earlier block
			// and the smaller value, so a read at any block never exceeds the true value.
			let merged = core::cmp::min(history[1].value, history[2].value);
			history[1].value = merged;
			history.remove(2);
		} else {
			// Too small a bound to merge: drop the oldest.
			if !history.is_empty() {
				history.remove(0);
			}
		}
		outcome = Recorded::Coarsened;
	}
	// Room was made above unless the bound is zero.
	let _ = history.try_push(Checkpoint { block, value });
	outcome
}

/// After an overwrite the last two checkpoints may hold the same value: keep the older one.
fn dedup_tail<B, V: PartialEq, S>(history: &mut BoundedVec<Checkpoint<B, V>, S>) {
	let n = history.len();
	if n >= 2 && history[n - 1].value == history[n - 2].value {
		history.pop();
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::ConstU32;

	type H<const N: u32> = BoundedVec<Checkpoint<u32, u64>, ConstU32<N>>;

	fn h<const N: u32>(points: &[(u32, u64)]) -> H<N> {
		BoundedVec::truncate_from(
			points.iter().map(|&(block, value)| Checkpoint { block, value }).collect(),
		)
	}

	fn points<const N: u32>(history: &H<N>) -> Vec<(u32, u64)> {
		history.iter().map(|c| (c.block, c.value)).collect()
	}

	#[test]
	fn value_at_works() {
		let history = h::<8>(&[(10, 100), (11, 0), (20, 5)]);
		// (block, expected)
		let table = [(0, 0), (9, 0), (10, 100), (11, 0), (19, 0), (20, 5), (u32::MAX, 5)];
		for (block, expected) in table {
			assert_eq!(value_at(&history, block), expected, "at block {block}");
		}
		assert_eq!(value_at::<u32, u64>(&[], 7), 0);
		assert_eq!(latest(&history), 5);
		assert_eq!(latest::<u32, u64>(&[]), 0);
	}

	#[test]
	fn record_works() {
		// (initial, block, value, horizon, expected, outcome)
		#[allow(clippy::type_complexity)]
		let table: Vec<(Vec<(u32, u64)>, u32, u64, u32, Vec<(u32, u64)>, Recorded)> = vec![
			// First non-zero value.
			(vec![], 5, 10, 0, vec![(5, 10)], Recorded::Exact),
			// A zero value on an empty history adds nothing.
			(vec![], 5, 0, 0, vec![], Recorded::Exact),
			// Same block overwrites.
			(vec![(5, 10)], 5, 20, 0, vec![(5, 20)], Recorded::Exact),
			// Overwrite back to the previous value removes the now-redundant checkpoint.
			(vec![(4, 10), (5, 20)], 5, 10, 0, vec![(4, 10)], Recorded::Exact),
			// Unchanged value adds nothing.
			(vec![(5, 10)], 6, 10, 0, vec![(5, 10)], Recorded::Exact),
			// New block appends.
			(vec![(5, 10)], 6, 0, 0, vec![(5, 10), (6, 0)], Recorded::Exact),
			// Full: prune before the horizon, keeping the last checkpoint at or before it.
			(
				vec![(1, 1), (2, 2), (3, 3), (4, 4)],
				9,
				9,
				3,
				vec![(3, 3), (4, 4), (9, 9)],
				Recorded::Exact,
			),
			// Full with nothing to prune: coarsen with the minimum.
			(
				vec![(1, 1), (2, 7), (3, 3), (4, 4)],
				9,
				9,
				0,
				vec![(1, 1), (2, 3), (4, 4), (9, 9)],
				Recorded::Coarsened,
			),
		];
		for (i, (initial, block, value, horizon, expected, outcome)) in
			table.into_iter().enumerate()
		{
			let mut history = h::<4>(&initial);
			assert_eq!(record(&mut history, block, value, horizon), outcome, "case {i}");
			assert_eq!(points(&history), expected, "case {i}");
		}
	}

	#[test]
	fn prune_works() {
		let table = [
			(vec![], 10, vec![], 0),
			(vec![(5, 1)], 10, vec![(5, 1)], 0),
			(vec![(5, 1), (8, 2), (12, 3)], 10, vec![(8, 2), (12, 3)], 1),
			(vec![(5, 1), (8, 2), (12, 3)], 12, vec![(12, 3)], 2),
			(vec![(5, 1), (8, 2), (12, 3)], 4, vec![(5, 1), (8, 2), (12, 3)], 0),
		];
		for (i, (initial, horizon, expected, dropped)) in table.into_iter().enumerate() {
			let mut history = h::<8>(&initial);
			assert_eq!(prune(&mut history, horizon), dropped, "case {i}");
			assert_eq!(points(&history), expected, "case {i}");
		}
	}

	#[test]
	fn pruning_never_changes_reads_at_or_after_horizon_works() {
		let full = h::<16>(&[(2, 5), (4, 0), (7, 9), (9, 1), (15, 3)]);
		for horizon in 0..20u32 {
			let mut pruned = full.clone();
			prune(&mut pruned, horizon);
			for block in horizon..25 {
				assert_eq!(
					value_at(&pruned, block),
					value_at(&full, block),
					"h {horizon} b {block}"
				);
			}
		}
	}

	#[test]
	fn coarsened_reads_never_exceed_true_values_works() {
		// Record a random-ish walk in a tiny list and compare every read with the exact history.
		let mut exact: Vec<(u32, u64)> = Vec::new();
		let mut small = H::<4>::default();
		let mut seed = 17u64;
		for block in 1..200u32 {
			seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			let value = (seed >> 33) % 50;
			record(&mut small, block, value, 0);
			if exact.last().map(|l| l.1) != Some(value) {
				exact.push((block, value));
			}
			let exact_h = h::<1000>(&exact);
			for b in 0..=block {
				assert!(value_at(&small, b) <= value_at(&exact_h, b), "block {block} read {b}");
			}
			assert_eq!(latest(&small), value);
		}
	}
}
