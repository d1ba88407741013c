//! Snapshots of voting power and supply, recorded lazily and exactly.
//!
//! With a snapshot period `P` (genesis configuration), a snapshot is taken at the end of every
//! `P`-th block from the first (block 0 from genesis, the upgrade block after the migration to
//! this layout): nothing is registered and no hook runs, the block number alone says which blocks
//! are snapshots. At most `K` ([`Config::MaxSnapshots`](crate::Config)) are
//! readable at once: in block `n`, the latest snapshot before `n` and the `K - 1` before it. So a
//! snapshot is readable until `P * K` blocks after it was taken, and a proposal that counts the
//! latest snapshot (at most `P` blocks old) may vote for `P * (K - 1)` blocks.
//!
//! Values are written as OpenZeppelin's ERC20Snapshot writes them: before a value (an account's
//! voting power, the total supply) first changes after a snapshot, its value at that snapshot is
//! appended to the value's own list of [`SnapshotValue`]s. The value at snapshot `s` is then the
//! first entry at or after `s`, or the current value if there is none (it has not changed since
//! `s`). Entries of snapshots that are no longer readable are dropped on the next write, so a list
//! never holds more than `K` entries, whoever causes the writes.
//!
//! The functions here are pure; the pallet applies them to `AccountData` and to the supply.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::traits::AtLeast32BitUnsigned;

/// A value at a snapshot: `value` was current at the end of block `snapshot`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct SnapshotValue<BlockNumber, Balance> {
	/// The snapshot block.
	pub snapshot: BlockNumber,
	/// The value at the end of that block.
	pub value: Balance,
}

/// The list of a value's snapshot values, oldest first, at most `S` long.
pub type SnapshotValues<BlockNumber, Balance, S> =
	BoundedVec<SnapshotValue<BlockNumber, Balance>, S>;

/// When snapshots are taken and how many are readable: a snapshot at the end of every block
/// `first + k * period` (`k >= 0`), at most `max` readable at once.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Schedule<B> {
	/// The first snapshot block (0 from genesis; the upgrade block after a migration).
	pub first: B,
	/// Blocks between snapshots; zero: no snapshots.
	pub period: B,
	/// How many snapshots are readable at once.
	pub max: u32,
}

impl<B: AtLeast32BitUnsigned + Copy> Schedule<B> {
	/// The latest snapshot taken before block `now`. `None` when snapshots are off (`period`
	/// zero) or none was taken yet (`now <= first`).
	pub fn latest(&self, now: B) -> Option<B> {
		if self.period.is_zero() || now <= self.first {
			return None;
		}
		let since = now - B::one() - self.first;
		Some(self.first + since - since % self.period)
	}

	/// The oldest snapshot readable in block `now`.
	pub fn oldest_readable(&self, now: B) -> Option<B> {
		let latest = self.latest(now)?;
		let back = self.period.saturating_mul(B::from(self.max.saturating_sub(1)));
		Some(latest.saturating_sub(back).max(self.first))
	}

	/// Whether `snapshot` is a snapshot block.
	pub fn is_snapshot(&self, snapshot: B) -> bool {
		!self.period.is_zero()
			&& snapshot >= self.first
			&& ((snapshot - self.first) % self.period).is_zero()
	}

	/// Whether `snapshot` is a snapshot readable in block `now`.
	pub fn is_readable(&self, snapshot: B, now: B) -> bool {
		match (self.latest(now), self.oldest_readable(now)) {
			(Some(latest), Some(oldest)) => {
				self.is_snapshot(snapshot) && oldest <= snapshot && snapshot <= latest
			},
			_ => false,
		}
	}

	/// The last block in which `snapshot` is readable: `snapshot + period * max`; `None` if it
	/// is not a snapshot block or nothing is readable (`max` zero).
	pub fn readable_until(&self, snapshot: B) -> Option<B> {
		if !self.is_snapshot(snapshot) || self.max == 0 {
			return None;
		}
		Some(snapshot.saturating_add(self.period.saturating_mul(B::from(self.max))))
	}

	/// The longest voting period a proposal counting the latest snapshot is sure to have:
	/// `period * (max - 1)` (the latest snapshot is at most `period` blocks old).
	pub fn longest_voting_period(&self) -> B {
		self.period.saturating_mul(B::from(self.max.saturating_sub(1)))
	}

	/// Prepares `values` for a change of the value they track in block `now`, `current` being
	/// the value before the change: drops the entries no longer readable and, if this is the
	/// first change since the latest snapshot, appends `current` as the value at that snapshot.
	/// Returns whether `values` changed.
	pub fn record_before_change<V, S: Get<u32>>(
		&self,
		values: &mut SnapshotValues<B, V, S>,
		now: B,
		current: V,
	) -> bool {
		let Some(latest) = self.latest(now) else { return false };
		let mut changed = self.drop_unreadable(values, now);
		if values.last().is_none_or(|last| last.snapshot < latest) {
			// Never full when `S` is at least `max`: after dropping, only readable snapshots
			// before `latest` are left, at most `max - 1` of them.
			if values.try_push(SnapshotValue { snapshot: latest, value: current }).is_err() {
				frame_support::defensive!("snapshot values full after dropping the unreadable");
			} else {
				changed = true;
			}
		}
		changed
	}

	/// Drops the entries of snapshots older than the oldest readable in `now`. Returns whether
	/// any was dropped.
	pub fn drop_unreadable<V, S: Get<u32>>(
		&self,
		values: &mut SnapshotValues<B, V, S>,
		now: B,
	) -> bool {
		let Some(oldest) = self.oldest_readable(now) else { return false };
		let stale = values.iter().take_while(|v| v.snapshot < oldest).count();
		if stale == 0 {
			return false;
		}
		values.drain(..stale);
		true
	}
}

/// The value at `snapshot`, given the entries and the `current` value: the first entry at or
/// after `snapshot`, else `current`. The caller checks that `snapshot` is readable.
pub fn value_at<B, V, S>(values: &SnapshotValues<B, V, S>, snapshot: B, current: V) -> V
where
	B: AtLeast32BitUnsigned + Copy,
	V: Copy,
	S: Get<u32>,
{
	values.iter().find(|v| v.snapshot >= snapshot).map_or(current, |v| v.value)
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::ConstU32;

	type Values = SnapshotValues<u64, u64, ConstU32<3>>;

	fn values(list: &[(u64, u64)]) -> Values {
		let list: alloc::vec::Vec<_> =
			list.iter().map(|&(snapshot, value)| SnapshotValue { snapshot, value }).collect();
		Values::truncate_from(list)
	}

	fn schedule(first: u64, period: u64, max: u32) -> Schedule<u64> {
		Schedule { first, period, max }
	}

	#[test]
	fn latest_snapshot_table() {
		// (now, first, period, latest)
		let table: &[(u64, u64, u64, Option<u64>)] = &[
			(0, 0, 10, None),
			(1, 0, 0, None),
			(1, 0, 10, Some(0)),
			(10, 0, 10, Some(0)),
			(11, 0, 10, Some(10)),
			(20, 0, 10, Some(10)),
			(21, 0, 10, Some(20)),
			(5, 0, 1, Some(4)),
			(u64::MAX, 0, 10, Some(u64::MAX - 1 - (u64::MAX - 1) % 10)),
			// From a migration in block 7: snapshots 7, 17, 27, ...
			(7, 7, 10, None),
			(8, 7, 10, Some(7)),
			(17, 7, 10, Some(7)),
			(18, 7, 10, Some(17)),
		];
		for &(now, first, period, expected) in table {
			assert_eq!(schedule(first, period, 3).latest(now), expected, "now {now} first {first}");
		}
	}

	#[test]
	fn readable_window_table() {
		// Period 10 from 0, 3 readable at once. (snapshot, now, readable)
		let table: &[(u64, u64, bool)] = &[
			(0, 0, false),   // genesis block: nothing taken yet
			(0, 1, true),    // taken at the end of block 0
			(10, 10, false), // not taken before the end of block 10
			(10, 11, true),
			(5, 11, false), // not a snapshot block
			(0, 30, true),  // snapshots 20, 10, 0
			(0, 31, false), // snapshots 30, 20, 10
			(10, 31, true),
		];
		let s = schedule(0, 10, 3);
		for &(snapshot, now, readable) in table {
			assert_eq!(s.is_readable(snapshot, now), readable, "snapshot {snapshot} now {now}");
			if readable {
				let until = s.readable_until(snapshot).unwrap();
				assert!(s.is_readable(snapshot, until));
				assert!(!s.is_readable(snapshot, until + 1));
			}
		}
		assert_eq!(s.readable_until(5), None);
		assert_eq!(schedule(0, 0, 3).readable_until(0), None);
		assert_eq!(s.longest_voting_period(), 20);
		// Nothing before the first snapshot is readable.
		let migrated = schedule(7, 10, 3);
		assert!(!migrated.is_readable(0, 8));
		assert!(migrated.is_readable(7, 8));
		assert_eq!(migrated.oldest_readable(20), Some(7));
	}

	#[test]
	fn a_proposal_counting_the_latest_snapshot_can_vote_the_longest_period() {
		for first in [0u64, 3] {
			for period in [1u64, 2, 7, 10] {
				for max in [2u32, 3, 15] {
					let s = schedule(first, period, max);
					for now in first + 1..first + 100 {
						let snapshot = s.latest(now).unwrap();
						let end = now + s.longest_voting_period();
						assert!(end <= s.readable_until(snapshot).unwrap());
						assert!(s.is_readable(snapshot, end));
					}
				}
			}
		}
	}

	#[test]
	fn record_before_change_table() {
		// Period 10 from 0, 3 readable. (entries before, now, current, entries after)
		#[allow(clippy::type_complexity)]
		let table: &[(&[(u64, u64)], u64, u64, &[(u64, u64)])] = &[
			// First change after snapshot 0.
			(&[], 5, 7, &[(0, 7)]),
			// A second change in the same period records nothing.
			(&[(0, 7)], 6, 8, &[(0, 7)]),
			// The first change after snapshot 10.
			(&[(0, 7)], 11, 9, &[(0, 7), (10, 9)]),
			// In block 31 the readable snapshots are 10, 20, 30: 0 is dropped.
			(&[(0, 7), (10, 9), (20, 4)], 31, 5, &[(10, 9), (20, 4), (30, 5)]),
			// Long quiet: everything is dropped.
			(&[(0, 7), (10, 9)], 1000, 5, &[(990, 5)]),
			// Genesis block: nothing is recorded.
			(&[], 0, 5, &[]),
		];
		let s = schedule(0, 10, 3);
		for &(before, now, current, after) in table {
			let mut list = values(before);
			s.record_before_change(&mut list, now, current);
			assert_eq!(list, values(after), "now {now}");
		}
	}

	#[test]
	fn value_at_table() {
		let list = values(&[(10, 9), (30, 5)]);
		// (snapshot, value) with current value 1
		for &(snapshot, expected) in &[(0, 9), (10, 9), (20, 5), (30, 5), (40, 1)] {
			assert_eq!(value_at(&list, snapshot, 1), expected, "snapshot {snapshot}");
		}
	}

	/// A random history of changes: the value read at every readable snapshot equals the value
	/// that was current at the end of that snapshot's block, and no list outgrows its bound.
	fn check_random_histories<S: Get<u32>>(seed: &mut u64) {
		let mut next = || {
			*seed ^= *seed << 13;
			*seed ^= *seed >> 7;
			*seed ^= *seed << 17;
			*seed
		};
		for _ in 0..30 {
			let s = schedule(next() % 5, 1 + next() % 6, S::get());
			let mut list = SnapshotValues::<u64, u64, S>::default();
			let mut current = 0u64;
			// The value at the end of each block.
			let mut at_end = alloc::vec::Vec::new();
			for now in 0..200u64 {
				for _ in 0..(next() % 3) {
					let new = next() % 1000;
					if new != current {
						s.record_before_change(&mut list, now, current);
						current = new;
					}
				}
				at_end.push(current);
				assert!(list.len() as u32 <= S::get(), "more entries than readable snapshots");
				// In block now + 1, every readable snapshot reads its value.
				for snapshot in 0..=now {
					if s.is_readable(snapshot, now + 1) {
						assert_eq!(value_at(&list, snapshot, current), at_end[snapshot as usize]);
					}
				}
			}
		}
	}

	#[test]
	fn reads_equal_the_values_at_the_end_of_each_snapshot_block() {
		let mut seed = 0x2545_f491_4f6c_dd1du64;
		check_random_histories::<ConstU32<1>>(&mut seed);
		check_random_histories::<ConstU32<2>>(&mut seed);
		check_random_histories::<ConstU32<3>>(&mut seed);
		check_random_histories::<ConstU32<8>>(&mut seed);
	}
}
