//! # pallet-governance
//!
//! Token-weighted referenda with an activation threshold per kind of protocol change, and votes
//! cast either by extrinsic or by messages that token owners sign off-chain and anyone relays.
//!
//! ## Overview
//!
//! A token holder submits a proposal: a call (inline or a preimage) under a *class*. The class
//! says how the change activates: the least approval `aye / (aye + nay)`, the least turnout
//! `(aye + nay + abstain) / electorate`, the least number of voters, the voting period, the
//! enactment delay, the submission deposit and the origin the approved call runs with. The runtime
//! maps every call to the class it needs ([`ClassifyCall`]); a proposal under a class too weak for
//! its call is refused, and so is a call that no proposal may carry at all (the runtime's
//! [`ClassifyCall`] returns `None` for it: raw storage and code writes, for example). A class
//! that dispatches with `Root` must be at least as strict as every class dispatching with a class origin
//! ([`ClassInfo::coexists_with`]), checked at genesis and by [`Pallet::set_class`]. The class's
//! thresholds (or stricter ones the proposer asks for) and the electorate (total supply at the
//! snapshot) are copied into the proposal and never change.
//!
//! Voting power is the voter's power at the proposal's snapshot, the latest snapshot the
//! runtime's [`VotingPower`] source took before the submission block (see
//! [`VotingPower::snapshot_for`]); moving tokens after the snapshot changes nothing. The source
//! must keep the snapshot readable until the voting end, or the submission is refused. One vote per (proposal, voter); voting again replaces the earlier vote; the
//! tally is updated on every vote, so deciding costs the same whatever the number of voters.
//! Every way of voting or removing a vote advances the voter's nonce on the proposal, so a signed
//! message made before can never be counted afterwards (see the `signed` module).
//!
//! Votes arrive in two ways with the same effect:
//! 1. [`Pallet::vote`], a signed extrinsic of the voter;
//! 2. a [`SignedVote`] message: the voter signs the SCALE-encoded [`VotePayload`] (domain tag,
//!    genesis hash, pallet index, proposal, call hash, choice, nonce) with the key of their
//!    address (any `MultiSignature` scheme; the `<Bytes>`...`</Bytes>` wrapping of polkadot.js
//!    `signRaw` is accepted). Anyone relays many of them in [`Pallet::submit_signed_votes`] (the
//!    relayer pays the fee; invalid ones are skipped with an event), or the voter's first vote
//!    fee-less in [`Pallet::vote_by_signature`], checked in full in the transaction pool, ranked
//!    below paid transactions and limited per block. The runtime API
//!    [`runtime_api::GovernanceApi`] returns the exact bytes to sign.
//!
//! At the voting end (in `on_initialize`, at most [`Config::MaxEndingPerBlock`] proposals per
//! block; a proposal whose end block is full is decided by anyone's [`Pallet::decide`], free of
//! fees) the proposal is approved or rejected by the pure rule [`Thresholds::approved`]. An
//! approved call is scheduled through the scheduler, by name, `enactment delay` blocks later;
//! there [`Pallet::enact`] dispatches it with the class's origin and reports the result
//! (`Enacted` or `EnactmentFailed`). Deposits come back on approval, rejection and cancellation
//! and are slashed on kill. Finished proposals' votes and records are removed by anyone's
//! [`Pallet::clear_finished`], so state stays bounded by what is open.
//!
//! ## Terminology
//!
//! - *Class*: a kind of protocol change and its activation rule ([`ClassInfo`]).
//! - *Snapshot*: the block whose voting power and total supply count for a proposal.
//! - *Electorate*: the total supply at the snapshot.
//! - *Voting end*: the first block in which a proposal takes no votes; it is decided there.
//! - *Signed vote*: a vote message signed off-chain by the voter and relayed by anyone.
//!
//! ## In a runtime
//!
//! Wire [`Config::VotingPower`] to the token (pallet-token implements [`VotingPower`]),
//! [`Config::Classify`] to a deny-by-default match over the runtime's calls
//! (anything not placed in a weaker class needs the strictest; calls that bypass governance's
//! own checks, such as raw storage writes or the scheduler, are `None`), `Preimages` to
//! pallet-preimage, `Scheduler` to pallet-scheduler, and give other pallets this pallet's origin
//! through [`EnsureClass`] (for example the upgrades pallet accepts only "protocol upgrade"). The
//! classes come from genesis and change only through [`Pallet::set_class`]. The token must keep a
//! snapshot readable for [`Config::MaxVotingPeriod`] blocks after a proposal counting it is
//! submitted (pallet-token: `longest_voting_period`).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod model_tests;
#[cfg(test)]
mod tests;

mod lifecycle;
pub mod runtime_api;
pub mod signed;
pub mod types;
pub mod weights;

use alloc::{boxed::Box, vec::Vec};
use codec::{Decode, Encode};
use frame_support::{
	dispatch::{DispatchResult, GetDispatchInfo, PostDispatchInfo},
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{self, hold::Balanced as _, Inspect, MutateHold},
		schedule::{
			v3::{Named as ScheduleNamed, TaskName},
			DispatchTime, HIGHEST_PRIORITY,
		},
		tokens::Precision,
		Bounded, EnsureOrigin, Imbalance, OnUnbalanced, OriginTrait, QueryPreimage, StorePreimage,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{Dispatchable, IdentifyAccount, Saturating, Verify, Zero},
	SaturatedConversion,
};

pub use metacert_primitives::VotingPower;
pub use pallet::*;
pub use signed::{verify_wrapped_or_raw, FeelessRefusal};
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::governance";

/// The runtime's map from a call to the class it needs.
///
/// Deny by default: a call not explicitly placed in a weaker class should need the strictest
/// class, and a call that would bypass governance's own checks (raw storage or code writes,
/// calls that carry other calls, dropping another proposal's preimage) should be `None`.
pub trait ClassifyCall<Call> {
	/// The class whose rule `call` must meet (or a class at least as strict with the same
	/// origin), or `None` if no proposal may carry `call`.
	fn required_class(call: &Call) -> Option<ClassId>;
}

/// The currency balance type.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A credit (slashed deposit) of the currency.
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// The runtime call.
pub type CallOf<T> = <T as Config>::RuntimeCall;
/// A bounded call: inline or a preimage hash.
pub type BoundedCallOf<T> = Bounded<CallOf<T>, <T as frame_system::Config>::Hashing>;
/// The runtime's aggregate origin caller.
pub type PalletsOriginOf<T> =
	<<T as frame_system::Config>::RuntimeOrigin as OriginTrait>::PalletsOrigin;
/// A proposal as stored.
pub type ProposalInfoOf<T> = ProposalInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	BoundedCallOf<T>,
	<T as frame_system::Config>::Hash,
>;
/// A class as stored.
pub type ClassInfoOf<T> = ClassInfo<BalanceOf<T>, BlockNumberFor<T>>;
/// A voter's stored record.
pub type VoteRecordOf<T> = VoteRecord<BalanceOf<T>>;
/// A signed vote of this runtime.
pub type SignedVoteOf<T> =
	SignedVote<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;
/// The summary the runtime API returns.
pub type ProposalSummaryOf<T> =
	ProposalSummary<BalanceOf<T>, BlockNumberFor<T>, <T as frame_system::Config>::Hash>;

/// The origin that [`EnsureClass`] accepts: "approved by a referendum of class `C`".
pub struct EnsureClass<C>(core::marker::PhantomData<C>);
impl<O, C> EnsureOrigin<O> for EnsureClass<C>
where
	O: Into<Result<Origin, O>> + From<Origin>,
	C: Get<ClassId>,
{
	type Success = ClassId;

	fn try_origin(o: O) -> Result<ClassId, O> {
		o.into().and_then(|origin| match origin {
			Origin::Approved { class } if class == C::get() => Ok(class),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Approved { class: C::get() }))
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The origin of a call that a proposal of `class` approved and the class dispatches with
	/// [`DispatchOrigin::Class`].
	#[pallet::origin]
	#[derive(
		Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
	)]
	pub enum Origin {
		/// Approved by a referendum of this class.
		Approved {
			/// The class.
			class: ClassId,
		},
	}

	/// Reasons this pallet holds funds for.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open proposal.
		#[codec(index = 0)]
		SubmissionDeposit,
	}

	/// Default configurations of this pallet, for `#[derive_impl]`.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// A configuration for tests: 8 proposals ending per block, batches of 500 signed votes,
		/// 8 classes, 4 fee-less votes per block at the lowest pool priority, `()` weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxEndingPerBlock = ConstU32<8>;
			type MaxVotesPerBatch = ConstU32<500>;
			type MaxClasses = ConstU32<8>;
			type MaxFeelessVotesPerBlock = ConstU32<4>;
			type UnsignedPriority = ConstU64<0>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>, RuntimeOrigin: From<Origin>>
	{
		/// The runtime call that proposals carry.
		#[pallet::no_default]
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// The runtime's hold reasons.
		#[pallet::no_default]
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency deposits are held in.
		#[pallet::no_default]
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>;

		/// Where slashed deposits go (`()` burns them).
		#[pallet::no_default]
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Voting power and total supply at a block.
		#[pallet::no_default]
		type VotingPower: VotingPower<Self::AccountId, BlockNumberFor<Self>, BalanceOf<Self>>;

		/// The class each call needs (`None`: no proposal may carry it).
		#[pallet::no_default]
		type Classify: ClassifyCall<CallOf<Self>>;

		/// Where proposals' calls are stored.
		#[pallet::no_default]
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// Dispatches approved calls at their enactment block.
		#[pallet::no_default]
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			CallOf<Self>,
			PalletsOriginOf<Self>,
			Hasher = Self::Hashing,
		>;

		/// The signature of signed vote messages (`MultiSignature` in a typical runtime).
		#[pallet::no_default]
		type Signature: Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>>
			+ Parameter
			+ MaxEncodedLen;

		/// Who may submit proposals.
		#[pallet::no_default]
		type SubmitOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// Who may add or change classes.
		#[pallet::no_default]
		type ClassAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may cancel a proposal (deposit returned).
		#[pallet::no_default]
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may kill a proposal (deposit slashed).
		#[pallet::no_default]
		type KillOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most proposals decided in `on_initialize` of one block; a proposal whose end block is
		/// full is decided by anyone's `decide` instead.
		#[pallet::constant]
		type MaxEndingPerBlock: Get<u32>;

		/// Most signed votes in one relayed batch.
		#[pallet::constant]
		type MaxVotesPerBatch: Get<u32>;

		/// Most classes.
		#[pallet::constant]
		type MaxClasses: Get<u32>;

		/// The longest voting period a class may have (the voting-power source must keep a
		/// proposal's snapshot readable this long after the submission).
		#[pallet::constant]
		#[pallet::no_default]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The heaviest call a proposal may carry: what the scheduler can always run in one
		/// block next to `enact` itself. Heavier calls are refused at submission.
		#[pallet::constant]
		#[pallet::no_default]
		type MaxCallWeight: Get<Weight>;

		/// Most fee-less votes in one block; more wait in the pool for later blocks. (Not a
		/// metadata constant: a runtime may make it a parameter stored on chain.)
		type MaxFeelessVotesPerBlock: Get<u32>;

		/// The least voting power (at the snapshot) a fee-less vote needs. (Not a metadata
		/// constant: a runtime may make it a parameter stored on chain.)
		#[pallet::no_default]
		type MinFeelessPower: Get<BalanceOf<Self>>;

		/// Pool priority of fee-less votes: below the runtime's paid transactions, so that they
		/// only use the block space paid transactions leave.
		#[pallet::constant]
		type UnsignedPriority: Get<TransactionPriority>;

		/// Weights of the calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The classes, by id. `Twox64Concat`: ids are chosen by governance, not by users.
	#[pallet::storage]
	pub type ClassOf<T: Config> = CountedStorageMap<_, Twox64Concat, ClassId, ClassInfoOf<T>>;

	/// The number of proposals ever submitted: the next proposal's index.
	#[pallet::storage]
	pub type ProposalCount<T: Config> = StorageValue<_, ProposalIndex, ValueQuery>;

	/// Proposals by index, until cleared after they finish. `Twox64Concat`: indices are
	/// sequential, not chosen by users.
	#[pallet::storage]
	pub type ProposalOf<T: Config> = StorageMap<_, Twox64Concat, ProposalIndex, ProposalInfoOf<T>>;

	/// Votes and signed-vote nonces by proposal and voter. `Blake2_128Concat` for voters:
	/// account ids are chosen by users, so their keys must not be grindable into one trie branch.
	#[pallet::storage]
	pub type VoteOf<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalIndex,
		Blake2_128Concat,
		T::AccountId,
		VoteRecord<BalanceOf<T>>,
	>;

	/// The ongoing proposals decided in `on_initialize` of a block (their voting end).
	/// `Twox64Concat`: block numbers are not chosen freely by users.
	#[pallet::storage]
	pub type EndingAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ProposalIndex, T::MaxEndingPerBlock>,
		ValueQuery,
	>;

	/// The block of the last fee-less vote and how many that block holds (no hook resets it: a
	/// stale block number means zero).
	#[pallet::storage]
	pub type FeelessVotesIn<T: Config> = StorageValue<_, (BlockNumberFor<T>, u32), ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The classes the chain starts with.
		pub classes: Vec<(ClassId, ClassInfoOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// An invalid genesis must not start a chain.
			assert!(
				self.classes.len() <= T::MaxClasses::get() as usize,
				"more genesis classes than MaxClasses"
			);
			for (id, class) in &self.classes {
				assert!(!ClassOf::<T>::contains_key(id), "genesis class {id} given twice");
				if let Err(e) = Pallet::<T>::check_class(*id, class) {
					panic!("genesis class {id} is invalid: {e:?}");
				}
				ClassOf::<T>::insert(id, class);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A proposal was submitted.
		Submitted {
			/// The proposal.
			index: ProposalIndex,
			/// Who submitted it.
			proposer: T::AccountId,
			/// Its class.
			class: ClassId,
			/// Its snapshot block.
			snapshot: BlockNumberFor<T>,
			/// Its voting end.
			voting_end: BlockNumberFor<T>,
		},
		/// A vote was counted (new or replacing the voter's earlier vote).
		Voted {
			/// The proposal.
			index: ProposalIndex,
			/// The voter.
			voter: T::AccountId,
			/// The choice.
			choice: VoteChoice,
			/// The voter's power at the snapshot.
			power: BalanceOf<T>,
		},
		/// A vote was removed.
		VoteRemoved {
			/// The proposal.
			index: ProposalIndex,
			/// The voter.
			voter: T::AccountId,
		},
		/// A signed vote in a relayed batch was not counted.
		SignedVoteRejected {
			/// The proposal.
			index: ProposalIndex,
			/// The claimed voter.
			voter: T::AccountId,
			/// Why.
			reason: SignedVoteRejection,
		},
		/// A proposal met its thresholds; its call is scheduled.
		Approved {
			/// The proposal.
			index: ProposalIndex,
			/// The final tally.
			tally: Tally<BalanceOf<T>>,
			/// The block its call is dispatched in.
			enact_at: BlockNumberFor<T>,
		},
		/// A proposal did not meet its thresholds.
		Rejected {
			/// The proposal.
			index: ProposalIndex,
			/// The final tally.
			tally: Tally<BalanceOf<T>>,
		},
		/// An approved call was dispatched and succeeded.
		Enacted {
			/// The proposal.
			index: ProposalIndex,
		},
		/// An approved call could not be scheduled, was not dispatched (see the status), or was
		/// dispatched and failed.
		EnactmentFailed {
			/// The proposal.
			index: ProposalIndex,
			/// The error.
			error: DispatchError,
		},
		/// A proposal was cancelled; its deposit was returned.
		Cancelled {
			/// The proposal.
			index: ProposalIndex,
		},
		/// A proposal was killed; its deposit was slashed.
		Killed {
			/// The proposal.
			index: ProposalIndex,
			/// The amount slashed.
			slashed: BalanceOf<T>,
		},
		/// A deposit was returned.
		DepositReturned {
			/// The proposal.
			index: ProposalIndex,
			/// Who got it back.
			who: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A class was added or changed (open proposals keep their own copy of the rule).
		ClassSet {
			/// The class.
			class: ClassId,
		},
		/// Votes of a finished proposal were removed; with `done` its record is gone too.
		Cleared {
			/// The proposal.
			index: ProposalIndex,
			/// How many vote records this call removed.
			votes: u32,
			/// Whether the proposal's record was removed (no vote record is left).
			done: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No class with this id.
		ClassNotFound,
		/// The call needs a stricter class (or one with another origin) than the one given.
		ClassTooWeak,
		/// The class needed by the call does not exist.
		RequiredClassNotFound,
		/// The requested thresholds are looser than the class's, or invalid.
		LooserThresholds,
		/// The call's preimage is not available or does not decode as a call.
		CallUnavailable,
		/// Nobody held tokens at the snapshot, so nothing could ever be approved.
		EmptyElectorate,
		/// No proposal with this index.
		ProposalNotFound,
		/// The proposal is no longer open for votes.
		VotingClosed,
		/// The voter had no voting power at the proposal's snapshot.
		NoVotingPower,
		/// The voter has no vote on this proposal.
		NotVoted,
		/// The signature does not match the vote message.
		BadSignature,
		/// The signed vote's nonce was used already.
		StaleNonce,
		/// The proposal is not approved and waiting for enactment.
		NotApproved,
		/// The proposal has finished; it can no longer be cancelled or killed.
		AlreadyFinished,
		/// The class is invalid: empty name, zero or too long voting period, thresholds that do
		/// not mean what they say (approval not above half, a ratio above 100%).
		InvalidClass,
		/// The most classes exist already.
		TooManyClasses,
		/// The call weighs more than the weight set aside for it.
		CallOverweight,
		/// No proposal may carry this call, whatever its class.
		CallForbidden,
		/// The call weighs more than `MaxCallWeight`: the scheduler could never run it.
		CallTooHeavy,
		/// The signed vote's nonce is above the next expected one.
		FutureNonce,
		/// The voter's nonce on this proposal cannot advance any more.
		NonceExhausted,
		/// Only a voter's first vote on a proposal is fee-less; change it with a paid vote.
		NotFirstVote,
		/// The voter's power is below the least a fee-less vote needs.
		TooLittlePowerForFeeless,
		/// This block holds the most fee-less votes it may.
		FeelessVotesExhausted,
		/// The proposal is not ongoing past its voting end (or is booked to be decided).
		NotDecidable,
		/// The proposal has not finished: its votes and record are still needed.
		NotFinished,
		/// A class dispatching with Root must be at least as strict as every class dispatching with a class origin.
		RootClassNotStrictest,
		/// The voting-power source has no snapshot for a proposal submitted now (none taken
		/// yet); try again in a later block.
		NoSnapshot,
		/// The class's voting period would outlast the proposal's snapshot (the voting-power
		/// source keeps it readable for a shorter time).
		SnapshotExpiresFirst,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let ending = EndingAt::<T>::take(now);
			let count = ending.len() as u32;
			for index in ending {
				Self::do_decide(index, now);
			}
			Self::decisions_weight(count)
		}

		fn integrity_test() {
			assert!(T::MaxEndingPerBlock::get() > 0, "MaxEndingPerBlock must be positive");
			assert!(T::MaxVotesPerBatch::get() > 0, "MaxVotesPerBatch must be positive");
			assert!(!T::MaxVotingPeriod::get().is_zero(), "MaxVotingPeriod must be positive");
			let max = <T as frame_system::Config>::BlockWeights::get().max_block;
			let decide = Self::decisions_weight(T::MaxEndingPerBlock::get());
			assert!(
				decide.all_lte(max / 4),
				"deciding MaxEndingPerBlock proposals must fit in a quarter of a block"
			);
			let enact = T::WeightInfo::enact().saturating_add(T::MaxCallWeight::get());
			assert!(enact.all_lte(max), "enacting the heaviest call must fit in a block");
			let feeless = T::WeightInfo::vote_by_signature()
				.saturating_mul(T::MaxFeelessVotesPerBlock::get().into());
			assert!(
				feeless.all_lte(max / 10),
				"the fee-less votes of one block must fit in a tenth of it"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submits a proposal to dispatch `call` if approved under `class`.
		///
		/// - origin: `SubmitOrigin` (a signed account, who pays the class's deposit, held).
		/// - `call`: inline or a noted preimage; it must decode as a runtime call that proposals
		///   may carry, weighing at most `MaxCallWeight`.
		/// - `class`: the class; it must be the call's required class or one at least as strict
		///   with the same origin.
		/// - `stricter`: thresholds at least as strict as the class's, or `None` for the class's.
		///
		/// Emits `Submitted`. Weight: `submit(l)`, `l` the encoded length of the call.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit(call.len().unwrap_or(u32::MAX)))]
		pub fn submit(
			origin: OriginFor<T>,
			call: Box<BoundedCallOf<T>>,
			class: ClassId,
			stricter: Option<Thresholds>,
		) -> DispatchResult {
			let who = T::SubmitOrigin::ensure_origin(origin)?;
			Self::do_submit(who, *call, class, stricter).map(|_| ())
		}

		/// Votes on an ongoing proposal with the voter's power at its snapshot; replaces an
		/// earlier vote of the same voter and advances their nonce on the proposal (voiding
		/// every signed message made before).
		///
		/// - origin: signed (the voter).
		///
		/// Emits `Voted`. Weight: `vote()`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			index: ProposalIndex,
			choice: VoteChoice,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut proposal = Self::ongoing(index)?;
			let power =
				T::VotingPower::voting_power_at(&who, proposal.snapshot).unwrap_or_default();
			ensure!(!power.is_zero(), Error::<T>::NoVotingPower);
			let record = VoteOf::<T>::get(index, &who).unwrap_or_default();
			let next = record.next_nonce.checked_add(1).ok_or(Error::<T>::NonceExhausted)?;
			Self::do_count_vote(index, &mut proposal, who, Vote { choice, power }, record, next);
			ProposalOf::<T>::insert(index, proposal);
			Ok(())
		}

		/// Removes the caller's vote and advances their nonce on the proposal (so no signed
		/// message made before can bring the vote back). While the proposal is open the tally
		/// drops it; afterwards this only changes the record.
		///
		/// - origin: signed (the voter).
		///
		/// Emits `VoteRemoved`. Weight: `remove_vote()`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_vote())]
		pub fn remove_vote(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
			let mut record = VoteOf::<T>::get(index, &who).ok_or(Error::<T>::NotVoted)?;
			let vote = record.vote.take().ok_or(Error::<T>::NotVoted)?;
			record.next_nonce =
				record.next_nonce.checked_add(1).ok_or(Error::<T>::NonceExhausted)?;
			if Self::is_open(&proposal) {
				proposal.tally.remove(&vote);
				ProposalOf::<T>::insert(index, proposal);
			}
			// The record stays (its nonce is above 0), or an old message could be replayed.
			VoteOf::<T>::insert(index, &who, record);
			Self::deposit_event(Event::VoteRemoved { index, voter: who });
			Ok(())
		}

		/// Counts a batch of signed vote messages for one proposal. Anyone may relay them (and
		/// pays the fee); an invalid vote is skipped with `SignedVoteRejected`, the valid ones
		/// count.
		///
		/// - origin: signed (the relayer).
		/// - `votes`: at most `MaxVotesPerBatch` signed votes.
		///
		/// Emits `Voted` or `SignedVoteRejected` per vote. Weight: `submit_signed_votes(n)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_signed_votes(votes.len() as u32))]
		pub fn submit_signed_votes(
			origin: OriginFor<T>,
			index: ProposalIndex,
			votes: BoundedVec<SignedVoteOf<T>, T::MaxVotesPerBatch>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut proposal = Self::ongoing(index)?;
			for signed in votes {
				match Self::check_signed_vote(index, &proposal, &signed) {
					Ok(checked) => {
						let vote = Vote { choice: signed.choice, power: checked.power };
						// `check_signed_vote` refuses `VoteNonce::MAX`: this cannot saturate.
						let next = signed.nonce.saturating_add(1);
						let record = checked.record.unwrap_or_default();
						Self::do_count_vote(index, &mut proposal, signed.voter, vote, record, next);
					},
					Err(reason) => Self::deposit_event(Event::SignedVoteRejected {
						index,
						voter: signed.voter,
						reason,
					}),
				}
			}
			// The proposal is written once for the whole batch.
			ProposalOf::<T>::insert(index, proposal);
			Ok(())
		}

		/// Counts a voter's **first** vote on a proposal without a fee: an unsigned transaction
		/// carrying one signed message with nonce 0, checked in full (signature, nonce, power of
		/// at least `MinFeelessPower`) before it enters the transaction pool. At most
		/// `MaxFeelessVotesPerBlock` go in one block.
		///
		/// - origin: none.
		///
		/// Emits `Voted`. Weight: `vote_by_signature()`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::vote_by_signature())]
		pub fn vote_by_signature(
			origin: OriginFor<T>,
			index: ProposalIndex,
			vote: SignedVoteOf<T>,
		) -> DispatchResult {
			ensure_none(origin)?;
			Self::check_feeless_room().map_err(|r| r.error::<T>())?;
			let (mut proposal, checked) =
				Self::check_feeless_vote(index, &vote).map_err(|r| r.error::<T>())?;
			// A first vote: nonce 0, so the next is 1.
			let counted = Vote { choice: vote.choice, power: checked.power };
			Self::do_count_vote(index, &mut proposal, vote.voter, counted, Default::default(), 1);
			ProposalOf::<T>::insert(index, proposal);
			Self::note_feeless_vote();
			Ok(())
		}

		/// Cancels an ongoing or approved (not yet enacted) proposal and returns its deposit.
		///
		/// - origin: `CancelOrigin`.
		///
		/// Emits `Cancelled` (and `DepositReturned`). Weight: the larger of `cancel()` (ongoing)
		/// and `cancel_approved()` (approved, unscheduled from a full agenda).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel().max(T::WeightInfo::cancel_approved()))]
		pub fn cancel(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			Self::do_cancel(index)
		}

		/// Kills an ongoing or approved (not yet enacted) proposal and slashes a deposit still
		/// held.
		///
		/// - origin: `KillOrigin`.
		///
		/// Emits `Killed`. Weight: the larger of `kill()` (ongoing) and `kill_approved()`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::kill().max(T::WeightInfo::kill_approved()))]
		pub fn kill(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			T::KillOrigin::ensure_origin(origin)?;
			Self::do_kill(index)
		}

		/// Adds or changes a class. Open proposals keep the rule they were submitted with.
		///
		/// - origin: `ClassAdminOrigin`.
		/// - `info`: a valid class (see [`Error::InvalidClass`]); a class dispatching with Root
		///   must be at least as strict as every class dispatching with a class origin, and such a class no stricter
		///   than a Root class.
		///
		/// Emits `ClassSet`. Weight: `set_class()` (measured with the classes of the runtime's
		/// genesis), plus a read of every class a full set holds (`MaxClasses`) for the
		/// coexistence check.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_class()
			.saturating_add(T::DbWeight::get().reads(T::MaxClasses::get().into())))]
		pub fn set_class(
			origin: OriginFor<T>,
			class: ClassId,
			info: ClassInfoOf<T>,
		) -> DispatchResult {
			T::ClassAdminOrigin::ensure_origin(origin)?;
			Self::check_class(class, &info)?;
			ensure!(
				ClassOf::<T>::contains_key(class) || ClassOf::<T>::count() < T::MaxClasses::get(),
				Error::<T>::TooManyClasses
			);
			ClassOf::<T>::insert(class, info);
			Self::deposit_event(Event::ClassSet { class });
			Ok(())
		}

		/// Dispatches an approved proposal's call with its class's origin. The scheduler calls
		/// this (as Root) at the enactment block. No proposal may carry this call.
		///
		/// - origin: Root.
		/// - `weight_limit`: the call's weight, set aside when the proposal was approved.
		///
		/// Emits `Enacted` or `EnactmentFailed`. Weight: `enact() + weight_limit`, refunded to
		/// what the call used.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::enact().saturating_add(*weight_limit))]
		pub fn enact(
			origin: OriginFor<T>,
			index: ProposalIndex,
			weight_limit: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			let used = Self::do_enact(index, weight_limit)?;
			Ok(Some(T::WeightInfo::enact().saturating_add(used)).into())
		}

		/// Decides an ongoing proposal whose voting has ended but that no block was booked to
		/// decide (its end block held `MaxEndingPerBlock` decisions already). Anyone may call
		/// it; it is free when it decides.
		///
		/// - origin: signed.
		///
		/// Emits `Approved` or `Rejected` (and `DepositReturned`). Weight:
		/// `decisions_weight(1)`, the measured decision of one proposal.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::decisions_weight(1))]
		pub fn decide(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			// A booked proposal is decided in `on_initialize` of its voting end, before any
			// extrinsic: one still ongoing at or after it was never booked.
			ensure!(
				proposal.status == ProposalStatus::Ongoing && proposal.voting_end <= now,
				Error::<T>::NotDecidable
			);
			Self::do_decide(index, now);
			Ok(Pays::No.into())
		}

		/// Removes up to `max_votes` vote records of a finished proposal (rejected, cancelled,
		/// killed, enacted or not enacted) and, once none is left, the proposal's record. Anyone
		/// may call it, so state stays bounded by what is open.
		///
		/// - origin: signed.
		///
		/// Emits `Cleared`. Weight: `clear_finished(max_votes)`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::clear_finished(*max_votes))]
		pub fn clear_finished(
			origin: OriginFor<T>,
			index: ProposalIndex,
			max_votes: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
			ensure!(proposal.status.is_finished(), Error::<T>::NotFinished);
			let (votes, done) = Self::do_clear(index, max_votes);
			Self::deposit_event(Event::Cleared { index, votes, done });
			Ok(Some(T::WeightInfo::clear_finished(votes)).into())
		}
	}

	// `ValidateUnsigned` (deprecated in favour of `#[pallet::authorize]`) because polkadot.js
	// and extension wallets submit fee-less transactions as bare (unsigned v4) extrinsics, which
	// only this path validates; `#[pallet::authorize]` needs general (v5) extrinsics.
	#[allow(deprecated)]
	#[pallet::validate_unsigned]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::vote_by_signature { index, vote } = call else {
				return InvalidTransaction::Call.into();
			};
			Self::validate_feeless(*index, vote)
		}

		/// In a block: the same checks, plus room for one more fee-less vote in this block
		/// (`ExhaustsResources` otherwise, so the block builder leaves it in the pool).
		fn pre_dispatch(call: &Self::Call) -> Result<(), TransactionValidityError> {
			let Call::vote_by_signature { index, vote } = call else {
				return Err(InvalidTransaction::Call.into());
			};
			Self::check_feeless_room().map_err(FeelessRefusal::invalid)?;
			Self::check_feeless_vote(*index, vote).map_err(FeelessRefusal::invalid)?;
			Ok(())
		}
	}
}

/// The voters in the state of the `decide` benchmark, the largest state a decision is measured on.
pub const DECIDE_BENCHMARK_VOTERS: u32 = 10_000;

impl<T: Config> Pallet<T> {
	/// The weight of deciding `n` proposals. `on_initialize(n)` is measured on a small state and
	/// `decide(v)` on a state of [`DECIDE_BENCHMARK_VOTERS`] voters, where each storage access
	/// costs more: each decision is charged the larger of the two.
	pub fn decisions_weight(n: u32) -> Weight {
		let in_large_state =
			T::WeightInfo::decide(DECIDE_BENCHMARK_VOTERS).saturating_mul(n.into());
		T::WeightInfo::on_initialize(n).max(in_large_state)
	}

	/// What the runtime API reports about proposal `index`.
	pub fn proposal_summary(index: ProposalIndex) -> Option<ProposalSummaryOf<T>> {
		let p = ProposalOf::<T>::get(index)?;
		let passing = Self::passes(&p);
		let now = frame_system::Pallet::<T>::block_number();
		Some(ProposalSummary {
			class: p.class,
			call_hash: p.call_hash,
			snapshot: p.snapshot,
			voting_end: p.voting_end,
			thresholds: p.thresholds,
			electorate: p.electorate,
			tally: p.tally,
			status: p.status,
			passing,
			awaiting_decision: p.status == ProposalStatus::Ongoing && p.voting_end <= now,
		})
	}

	/// The message to sign for a vote (runtime API): sign its SCALE encoding.
	pub fn api_vote_payload(
		index: ProposalIndex,
		choice: VoteChoice,
		nonce: VoteNonce,
	) -> Option<VotePayload<T::Hash>> {
		let proposal = ProposalOf::<T>::get(index)?;
		Some(Self::vote_payload(index, &proposal, choice, nonce))
	}

	/// A voter's power on proposal `index` (at its snapshot).
	pub fn voting_power(index: ProposalIndex, who: &T::AccountId) -> BalanceOf<T> {
		ProposalOf::<T>::get(index)
			.and_then(|p| T::VotingPower::voting_power_at(who, p.snapshot))
			.unwrap_or_default()
	}

	/// The nonce `who`'s next signed vote on proposal `index` must carry.
	pub fn next_nonce(index: ProposalIndex, who: &T::AccountId) -> VoteNonce {
		VoteOf::<T>::get(index, who).map(|r| r.next_nonce).unwrap_or_default()
	}

	/// The class a proposal of `call` needs, or `None` if no proposal may carry it (runtime
	/// API).
	pub fn required_class(call: &CallOf<T>) -> Option<ClassId> {
		T::Classify::required_class(call)
	}

	/// Checks the pallet's invariants:
	/// - every class is valid, and a class dispatching with Root is at least as strict as every
	///   other class; there are at most `MaxClasses` classes;
	/// - every stored proposal's index is below `ProposalCount`;
	/// - every open proposal's tally (until its voting end) equals the sum of its stored votes;
	///   no vote record belongs to an unknown (never submitted, or cleared) proposal;
	/// - every ongoing proposal is booked at most once, at its voting end, which a booked one
	///   has not passed; everything booked is ongoing; no block has more than
	///   `MaxEndingPerBlock` bookings;
	/// - the submission deposits held from each account equal the deposits its ongoing
	///   proposals record; a deposit is recorded only while ongoing;
	/// - the preimage of every ongoing or approved proposal is requested;
	/// - every approved proposal has its enactment scheduled at `enact_at`, and no other has.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let now = frame_system::Pallet::<T>::block_number();
		let count = ProposalCount::<T>::get();

		let classes: Vec<_> = ClassOf::<T>::iter().collect();
		ensure!(classes.len() as u32 <= T::MaxClasses::get(), "too many classes");
		for (id, class) in &classes {
			ensure!(class.thresholds.is_valid(), "a class's thresholds are invalid");
			ensure!(
				!class.voting_period.is_zero() && class.voting_period <= T::MaxVotingPeriod::get(),
				"a class's voting period is zero or too long"
			);
			for (other_id, other) in &classes {
				ensure!(
					id == other_id || class.coexists_with(other),
					"a Root class is not strictest"
				);
			}
		}

		let mut booked: BTreeMap<ProposalIndex, BlockNumberFor<T>> = BTreeMap::new();
		for (at, ending) in EndingAt::<T>::iter() {
			for index in ending {
				ensure!(booked.insert(index, at).is_none(), "a proposal is booked twice");
			}
		}
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (index, p) in ProposalOf::<T>::iter() {
			ensure!(index < count, "a proposal index is not below ProposalCount");
			let scheduled = T::Scheduler::next_dispatch_time(Self::task_name(index)).ok();
			let requested = !p.call.lookup_needed() || T::Preimages::is_requested(&p.call.hash());
			let held = deposits.entry(p.proposer.clone()).or_default();
			*held = held.saturating_add(p.deposit);
			match p.status {
				ProposalStatus::Ongoing => {
					if let Some(at) = booked.remove(&index) {
						ensure!(at == p.voting_end, "an ongoing proposal is booked off its end");
						ensure!(p.voting_end >= now, "a booked proposal's end has passed");
					}
					ensure!(requested, "an ongoing proposal's preimage is not requested");
					// Once voting has ended the tally is final; a vote removed while the proposal
					// waits for `decide` only changes its record.
					if now < p.voting_end {
						let mut sum = Tally::<BalanceOf<T>>::default();
						for (_, record) in VoteOf::<T>::iter_prefix(index) {
							if let Some(vote) = record.vote {
								sum.add(&vote);
							}
						}
						ensure!(sum == p.tally, "a tally differs from the sum of its votes");
					}
				},
				ProposalStatus::Approved { enact_at } => {
					ensure!(scheduled == Some(enact_at), "an approved proposal is not scheduled");
					ensure!(p.deposit.is_zero(), "a decided proposal still records a deposit");
					ensure!(requested, "an approved proposal's preimage is not requested");
				},
				_ => {
					ensure!(scheduled.is_none(), "a proposal not approved has a scheduled task");
					ensure!(p.deposit.is_zero(), "a finished proposal still records a deposit");
				},
			}
		}
		ensure!(booked.is_empty(), "a booked proposal is missing or not ongoing");
		let reason = HoldReason::SubmissionDeposit.into();
		for (who, recorded) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&reason, &who) == recorded,
				"held submission deposits differ from the open proposals' deposits"
			);
		}
		let mut last = None;
		for (index, _) in VoteOf::<T>::iter_keys() {
			if last != Some(index) {
				ensure!(ProposalOf::<T>::contains_key(index), "a vote of an unknown proposal");
				last = Some(index);
			}
		}
		Ok(())
	}
}
