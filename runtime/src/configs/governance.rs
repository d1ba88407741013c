//! `Governance`: token-weighted referenda with an activation threshold per kind of change, votes
//! by extrinsic or by signed message, enactment through the scheduler.
//!
//! The four classes and which calls need which one are defined here ([`classes`],
//! [`ClassifyCall`]); their rules come from genesis and change only through a proposal of the
//! protocol-upgrade class.
//!
//! Class boundaries: `Root` is reachable only through the root class, whose rule equals the
//! protocol-upgrade class's (two thirds, 20% turnout) and which pallet-governance keeps at least
//! as strict as every class dispatching with a class origin. Every weaker class dispatches with an origin of its own that
//! only the calls meant for it accept. Calls that would bypass governance's own checks are never
//! carried by a proposal (see [`ClassifyCall`]); anything not placed in a weaker class needs the
//! root class.

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32, EitherOfDiverse},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_governance::{ClassId, ClassInfo, DispatchOrigin, EnsureClass, Thresholds};
use sp_runtime::{transaction_validity::TransactionPriority, Perbill};

use super::RuntimeBlockWeights;
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
	/// Anything else, dispatched with Root: the protocol-upgrade rule (two thirds, 20% turnout).
	pub const ROOT: ClassId = 3;

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
				ROOT,
				class(
					"root",
					// Root can do what every other class can: never a weaker rule.
					rule(TWO_THIRDS, p(20)),
					14 * DAYS,
					DAYS,
					1_000 * MTC,
					DispatchOrigin::Root,
					pace
				)
			),
		]
	}
}

/// Which class each call needs; deny by default.
///
/// - **No proposal may carry** (`None`): the raw code and storage calls of `System`
///   (`set_code*`, `authorize_upgrade*`, `apply_authorized_upgrade`, `set_storage`,
///   `kill_storage`, `kill_prefix`, `set_heap_pages`: code changes only through `Upgrades` and
///   its checks, and no proposal rewrites another pallet's storage, such as the class rules or
///   upgrade state), `Governance::enact` (it would enact another approved proposal before its
///   delay, skipping the window in which it can be cancelled), `Preimage::unrequest_preimage`
///   and `unnote_preimage` (with Root, either drops the request that another proposal or a
///   pending upgrade holds on its preimage) and every `Scheduler` call (they
///   carry calls of their own, which would escape this very map, or cancel another proposal's
///   enactment; governance has its own enactment delay).
/// - **Protocol upgrade**: scheduling upgrades and changing their rules (`Upgrades`), changing
///   class rules (`Governance::set_class`).
/// - **Cancellation**: `Governance::cancel` and `kill`, `Upgrades::cancel_upgrade`.
/// - **Parameter change**: `Parameters::set_parameter` (fee rates, fee-less vote limits; each
///   clamped to a safe range, see [`super::parameters`]).
/// - **Root**: everything else, including every call added by a future pallet until it is
///   placed here explicitly.
pub struct ClassifyCall;
impl pallet_governance::ClassifyCall<RuntimeCall> for ClassifyCall {
	fn required_class(call: &RuntimeCall) -> Option<ClassId> {
		use classes::*;
		use frame_system::Call as S;
		use pallet_governance::Call as G;
		use pallet_preimage::Call as P;
		use pallet_upgrades::Call as U;
		Some(match call {
			RuntimeCall::System(
				S::set_code { .. }
				| S::set_code_without_checks { .. }
				| S::authorize_upgrade { .. }
				| S::authorize_upgrade_without_checks { .. }
				| S::apply_authorized_upgrade { .. }
				| S::set_storage { .. }
				| S::kill_storage { .. }
				| S::kill_prefix { .. }
				| S::set_heap_pages { .. },
			)
			| RuntimeCall::Governance(G::enact { .. })
			| RuntimeCall::Preimage(P::unrequest_preimage { .. } | P::unnote_preimage { .. })
			| RuntimeCall::Scheduler(_) => return None,
			RuntimeCall::Upgrades(
				U::schedule_upgrade { .. } | U::set_min_activation_delay { .. },
			)
			| RuntimeCall::Governance(G::set_class { .. }) => PROTOCOL_UPGRADE,
			RuntimeCall::Governance(G::cancel { .. } | G::kill { .. })
			| RuntimeCall::Upgrades(U::cancel_upgrade { .. }) => CANCELLATION,
			RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { .. }) => {
				PARAMETER_CHANGE
			},
			_ => ROOT,
		})
	}
}

parameter_types! {
	/// The longest voting period (the token keeps a snapshot readable this long with the
	/// production period, see `configs::balances`).
	pub const MaxVotingPeriod: BlockNumber = 28 * DAYS;
	/// Fee-less votes rank lowest in the pool: every paid transaction's priority is at least 1
	/// (pallet-transaction-payment adds one to the tip), so fee-less votes only take the space
	/// paid transactions leave.
	pub const FeelessVotePriority: TransactionPriority = 0;
	/// The heaviest call a proposal may carry: half a block, well inside what the scheduler runs
	/// in one block next to `enact` and its own bookkeeping (a runtime test checks the sum).
	pub MaxCallWeight: Weight = RuntimeBlockWeights::get().max_block / 2;
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
	/// Voting power comes from the MTC token's snapshots.
	type VotingPower = Balances;
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
	/// See [`MaxCallWeight`].
	type MaxCallWeight = MaxCallWeight;
	/// Fee-less votes per block: a parameter (80 at genesis, under 2% of a block's weight; at
	/// most 160, under 4%; see the README's threat model).
	type MaxFeelessVotesPerBlock = super::parameters::MaxFeelessVotesPerBlock;
	/// The least power a fee-less vote needs: a parameter (1 MTC at genesis), so every free vote
	/// costs an attacker a funded account per proposal.
	type MinFeelessPower = super::parameters::MinFeelessPower;
	/// See [`FeelessVotePriority`].
	type UnsignedPriority = FeelessVotePriority;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}
