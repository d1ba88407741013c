//! Types of pallet-upgrades and the readiness rule.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{PerThing, Perbill};

/// An announced upgrade.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PendingUpgrade<Hash, BlockNumber> {
	/// The hash of the new runtime code (a requested preimage).
	pub code_hash: Hash,
	/// The length of the code, in bytes.
	pub code_len: u32,
	/// The first block whose `on_initialize` may install it.
	pub activate_at: BlockNumber,
	/// The `spec_version` the code must have.
	pub spec_version: u32,
	/// The share of current authorities whose nodes must have signalled that they can run the
	/// code.
	pub required_readiness: Perbill,
	/// Whether governance explicitly accepts fewer ready authorities than GRANDPA needs to
	/// finalize (more than two thirds); without it that is the least share.
	pub allow_below_finality: bool,
	/// The last block the upgrade may wait for readiness; past it the upgrade fails.
	pub readiness_deadline: BlockNumber,
}

/// An upgrade the pallet installed: what clients show as the chain's upgrade history.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ActivatedUpgrade<Hash, BlockNumber> {
	/// The hash of the code installed.
	pub code_hash: Hash,
	/// Its `spec_version`.
	pub spec_version: u32,
	/// The block whose `on_initialize` installed it (the next block runs it).
	pub activated_at: BlockNumber,
}

/// What an authority's node says about a pending upgrade's code, signed with the authority's
/// key (the payload is [`crate::Pallet::signal_payload`]).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ReadinessSignal<AuthorityId, Hash, BlockNumber> {
	/// The authority.
	pub authority: AuthorityId,
	/// The code of a pending upgrade.
	pub code_hash: Hash,
	/// Whether the node loaded the code with its own executor and host functions and read its
	/// version.
	pub can_run: bool,
	/// The block the signal was made at: a signal is accepted only while recent, and after the
	/// authority's last signal for the code by at least the cooldown, so an old one cannot be
	/// replayed.
	pub at: BlockNumber,
}

/// An authority's last accepted signal for a code.
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
)]
pub struct Signal<BlockNumber> {
	/// Whether its node can run the code.
	pub can_run: bool,
	/// The block the signal was made at.
	pub at: BlockNumber,
}

/// A pending upgrade with the readiness the authorities have signalled so far.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct UpgradeStatus<Hash, BlockNumber> {
	/// The upgrade.
	pub upgrade: PendingUpgrade<Hash, BlockNumber>,
	/// The share of current authorities whose nodes signalled that they can run the code.
	pub readiness: Perbill,
	/// Whether that share is enough to install it ([`readiness_met`]).
	pub ready: bool,
}

/// Why an activation did not install the code.
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
)]
pub enum FailureReason {
	/// The code's preimage is not available.
	CodeUnavailable,
	/// The code does not hash to the announced hash.
	HashMismatch,
	/// No runtime version could be read from the code (not a runtime wasm).
	NotARuntime,
	/// The code is a runtime of another chain (`spec_name` differs).
	SpecNameChanged,
	/// The code's `spec_version` is not the announced one.
	SpecVersionMismatch,
	/// The code's `spec_version` is not above the running runtime's.
	SpecVersionNotHigher,
	/// Not enough authorities signalled that their nodes can run it before the deadline.
	ReadinessNotReached,
	/// The code is longer than `MaxCodeSize`.
	CodeTooLarge,
	/// frame-system refuses to set code now: multi-block migrations are ongoing.
	MigrationsOngoing,
}

/// Whether `ready` of `total` authorities meet the share `required` (exact: no rounding).
///
/// With no authorities only a zero requirement is met.
pub fn share_met(ready: u32, total: u32, required: Perbill) -> bool {
	if total == 0 {
		return required.is_zero();
	}
	let have = u64::from(ready).saturating_mul(u64::from(Perbill::ACCURACY));
	let need = u64::from(required.deconstruct()).saturating_mul(u64::from(total));
	have >= need
}

/// Whether an upgrade may be installed with `ready` of `total` current authorities able to run
/// its code: at least one (so some node can author on it, whatever governance asked), at least
/// the share `required`, and more than two thirds (what GRANDPA needs to finalize) unless
/// `allow_below_finality`.
pub fn readiness_met(
	ready: u32,
	total: u32,
	required: Perbill,
	allow_below_finality: bool,
) -> bool {
	let finality = u64::from(ready).saturating_mul(3) > u64::from(total).saturating_mul(2);
	ready > 0
		&& ready <= total
		&& share_met(ready, total, required)
		&& (allow_below_finality || finality)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn share_met_works() {
		let two_thirds = Perbill::from_parts(666_666_667);
		// (ready, total, required, met)
		let table = [
			(0, 0, Perbill::zero(), true),
			(0, 0, Perbill::from_percent(1), false),
			(0, 5, Perbill::zero(), true),
			(1, 2, Perbill::from_percent(50), true),
			(0, 2, Perbill::from_percent(50), false),
			(2, 3, two_thirds, false),
			(2, 3, Perbill::from_parts(666_666_666), true),
			(3, 3, two_thirds, true),
			(3, 4, Perbill::from_percent(75), true),
			(2, 4, Perbill::from_percent(75), false),
			(4, 4, Perbill::one(), true),
			(99, 100, Perbill::one(), false),
			(u32::MAX, u32::MAX, Perbill::one(), true),
			(u32::MAX - 1, u32::MAX, Perbill::one(), false),
		];
		for (ready, total, required, met) in table {
			assert_eq!(share_met(ready, total, required), met, "{ready}/{total} vs {required:?}");
		}
	}

	#[test]
	fn readiness_met_works() {
		let zero = Perbill::zero();
		let half = Perbill::from_percent(50);
		// (ready, total, required, allow_below_finality, met)
		let table = [
			// Never with nobody ready, whatever governance asked.
			(0, 0, zero, true, false),
			(0, 4, zero, true, false),
			(0, 4, zero, false, false),
			// More than two thirds by default: 3 of 4, 2 of 2, 3 of 3, 4 of 5; not 2 of 3.
			(3, 4, zero, false, true),
			(2, 4, zero, false, false),
			(2, 2, zero, false, true),
			(1, 2, zero, false, false),
			(2, 3, zero, false, false),
			(3, 3, zero, false, true),
			(4, 5, zero, false, true),
			(1, 1, zero, false, true),
			// The share asked for on top.
			(3, 4, Perbill::one(), false, false),
			(4, 4, Perbill::one(), false, true),
			// Below finality only when explicitly allowed.
			(1, 2, half, true, true),
			(1, 3, half, true, false),
			(1, 4, zero, true, true),
			// A count above the authorities (never from the pallet) is refused.
			(5, 4, zero, true, false),
			(u32::MAX, u32::MAX, Perbill::one(), false, true),
			(u32::MAX / 3 * 2, u32::MAX, zero, false, false),
		];
		for (ready, total, required, below, met) in table {
			assert_eq!(
				readiness_met(ready, total, required, below),
				met,
				"{ready}/{total} vs {required:?}, below finality allowed: {below}"
			);
		}
	}
}
