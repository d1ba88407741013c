//! `Governance`: token-weighted referenda with an activation threshold per kind of change, votes
//! by extrinsic or by signed message, enactment through the scheduler.
//!
//! The four classes and which calls need which one are defined here ([`classes`],
//! [`ClassifyCall`]); their rules come from genesis and change only through a proposal of the
//! protocol-upgrade class.

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32, EitherOfDiverse},
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_governance::{ClassId, ClassInfo, DispatchOrigin, EnsureClass, Thresholds};
use sp_runtime::{transaction_validity::TransactionPriority, Perbill};

use crate::{
	AccountId, Balance, Balances, BlockNumber, Preimage, Runtime, RuntimeCall, RuntimeHoldReason,
	Scheduler, Signature, DAYS, MTC,
};

/// The classes of this runtime.
pub mod classes {
	use super::*;

	/// Protocol upgrades and changes of the governance rules: two thirds of aye+nay, 20% turnout.
	pub const PROTOCOL_UPGRADE: ClassId = 0;
	/// Parameter changes: simple majority, 10% turnout.
	pub const PARAMETER_CHANGE: ClassId = 1;
	/// Cancelling or killing a proposal: simple majority, 10% turnout, short period.
	pub const CANCELLATION: ClassId = 2;
	/// Anything else Root may do: simple majority, 15% turnout.
	pub const GENERAL_ROOT: ClassId = 3;

	/// More than half: `aye > nay` exactly (a tie fails).
	pub const SIMPLE_MAJORITY: Perbill = Perbill::from_parts(500_000_001);
	/// Two thirds at Perbill resolution: 2 aye against 1 nay passes.
	pub const TWO_THIRDS: Perbill = Perbill::from_parts(666_666_666);

	/// How long each step takes: production (days) or development (a few blocks).
	#[derive(Clone, Copy)]
	pub enum Pace {
		/// Days of voting, a day before enactment.
		Production,
		/// Voting over 6 blocks (36 s), enactment 2 blocks later: a referendum in under a minute.
		Development,
		/// Voting over 600 blocks (an hour), enactment 2 blocks later: time for a throughput run
		/// to cast thousands of votes on one proposal.
		Benchmark,
	}

	/// A rule: least approval and turnout, at least one voter.
	fn rule(min_approval: Perbill, min_turnout: Perbill) -> Thresholds {
		Thresholds { min_approval, min_turnout, min_voters: 1 }
	}

	fn class(
		name: &str,
		thresholds: Thresholds,
		voting_period: BlockNumber,
		enactment_delay: BlockNumber,
		submission_deposit: Balance,
		origin: DispatchOrigin,
		pace: Pace,
	) -> ClassInfo<Balance, BlockNumber> {
		let (voting_period, enactment_delay) = match pace {
			Pace::Production => (voting_period, enactment_delay),
			Pace::Development => (6, 2),
			Pace::Benchmark => (600, 2),
		};
		ClassInfo {
			// Names are short constants below `MaxClassNameLen`.
			name: name.as_bytes().to_vec().try_into().unwrap_or_default(),
			thresholds,
			voting_period,
			enactment_delay,
			submission_deposit,
			origin,
		}
	}

	/// The genesis classes.
	pub fn genesis(pace: Pace) -> alloc::vec::Vec<(ClassId, ClassInfo<Balance, BlockNumber>)> {
		let p = Perbill::from_percent;
		alloc::vec![
			(
				PROTOCOL_UPGRADE,
				class(
					"protocol upgrade",
					rule(TWO_THIRDS, p(20)),
					14 * DAYS,
					DAYS,
					1_000 * MTC,
					// Its own origin: runtime code changes only through `Upgrades`.
					DispatchOrigin::Class,
					pace
				)
			),
			(
				PARAMETER_CHANGE,
				class(
					"parameter change",
					rule(SIMPLE_MAJORITY, p(10)),
					7 * DAYS,
					DAYS,
					100 * MTC,
					DispatchOrigin::Class,
					pace
				)
			),
			(
				CANCELLATION,
				class(
					"cancellation",
					rule(SIMPLE_MAJORITY, p(10)),
					2 * DAYS,
					1,
					10 * MTC,
					DispatchOrigin::Class,
					pace
				)
			),
			(
				GENERAL_ROOT,
				class(
					"general root",
					rule(SIMPLE_MAJORITY, p(15)),
					7 * DAYS,
					DAYS,
					500 * MTC,
					DispatchOrigin::Root,
					pace
				)
			),
		]
	}
}

/// Which class each call needs.
///
/// - Runtime upgrades (`Upgrades`), the scheduler (it could dispatch anything later) and the
///   governance rules (`set_class`): protocol upgrade. The raw code calls of `System`
///   (`set_code*`, `authorize_upgrade*`, `apply_authorized_upgrade`) belong here too: this class
///   dispatches with its own origin, not Root, so they cannot pass and code changes only through
///   the checks of `Upgrades`.
/// - Cancelling or killing a proposal: cancellation.
/// - Everything else: general root.
pub struct ClassifyCall;
impl pallet_governance::ClassifyCall<RuntimeCall> for ClassifyCall {
	fn required_class(call: &RuntimeCall) -> ClassId {
		use classes::*;
		use frame_system::Call as S;
		use pallet_governance::Call as G;
		match call {
			RuntimeCall::System(
				S::set_code { .. }
				| S::set_code_without_checks { .. }
				| S::authorize_upgrade { .. }
				| S::authorize_upgrade_without_checks { .. }
				| S::apply_authorized_upgrade { .. },
			) => PROTOCOL_UPGRADE,
			RuntimeCall::Scheduler(_) | RuntimeCall::Upgrades(_) => PROTOCOL_UPGRADE,
			RuntimeCall::Governance(G::set_class { .. }) => PROTOCOL_UPGRADE,
			RuntimeCall::Governance(G::cancel { .. } | G::kill { .. }) => CANCELLATION,
			_ => GENERAL_ROOT,
		}
	}
}

/// Voting power and total supply at a block, from pallet-token's history.
pub struct TokenVotingPower;
impl pallet_governance::VotingPowerSource<AccountId, BlockNumber, Balance> for TokenVotingPower {
	fn voting_power_at(who: &AccountId, at: BlockNumber) -> Balance {
		Balances::voting_power_at(who, at)
	}
	fn total_supply_at(at: BlockNumber) -> Balance {
		Balances::total_supply_at(at)
	}
}

parameter_types! {
	/// The longest voting period: the token keeps 30 days of exact history, enough for it.
	pub const MaxVotingPeriod: BlockNumber = 28 * DAYS;
	/// Fee-less signed votes rank in the middle of the pool.
	pub const SignedVotePriority: TransactionPriority = TransactionPriority::MAX / 2;
}

impl pallet_governance::Config for Runtime {
	/// Proposals carry runtime calls.
	type RuntimeCall = RuntimeCall;
	/// Deposits are held under the runtime's hold reason.
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Deposits are in MTC.
	type Currency = Balances;
	/// Slashed deposits are burnt.
	type Slash = ();
	/// Voting power comes from the MTC token's history.
	type VotingPower = TokenVotingPower;
	/// See [`ClassifyCall`].
	type Classify = ClassifyCall;
	/// Calls are stored in pallet-preimage.
	type Preimages = Preimage;
	/// Approved calls are enacted through pallet-scheduler.
	type Scheduler = Scheduler;
	/// Signed votes use the transactions' signature: sr25519, ed25519 or ecdsa.
	type Signature = Signature;
	/// Any account may propose (paying the class's deposit).
	type SubmitOrigin = EnsureSigned<AccountId>;
	/// Class rules change through a protocol-upgrade proposal (Root, or the class's origin).
	type ClassAdminOrigin = EitherOfDiverse<
		EnsureRoot<AccountId>,
		EnsureClass<ConstU16<{ classes::PROTOCOL_UPGRADE }>>,
	>;
	/// A cancellation proposal cancels.
	type CancelOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, EnsureClass<ConstU16<{ classes::CANCELLATION }>>>;
	/// A cancellation proposal kills.
	type KillOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, EnsureClass<ConstU16<{ classes::CANCELLATION }>>>;
	/// Decisions per block.
	type MaxEndingPerBlock = ConstU32<16>;
	/// Signed votes per relayed batch.
	type MaxVotesPerBatch = ConstU32<500>;
	/// Classes.
	type MaxClasses = ConstU32<16>;
	/// See [`MaxVotingPeriod`].
	type MaxVotingPeriod = MaxVotingPeriod;
	/// See [`SignedVotePriority`].
	type UnsignedPriority = SignedVotePriority;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}
