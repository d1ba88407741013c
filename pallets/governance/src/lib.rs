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
//! its call is refused. The class's thresholds (or stricter ones the proposer asks for) and the
//! electorate (total supply at the snapshot) are copied into the proposal and never change.
//!
//! Voting power is the voter's power at the proposal's snapshot block (the block before
//! submission), read from the runtime's [`VotingPowerSource`]; moving tokens after the snapshot
//! changes nothing. One vote per (proposal, voter); voting again replaces the earlier vote; the
//! tally is updated on every vote, so deciding costs the same whatever the number of voters.
//!
//! Votes arrive in two ways with the same effect:
//! 1. [`Pallet::vote`], a signed extrinsic of the voter;
//! 2. a [`SignedVote`] message: the voter signs the SCALE-encoded [`VotePayload`] (domain tag,
//!    genesis hash, pallet index, proposal, call hash, choice, nonce) with the key of their
//!    address (any `MultiSignature` scheme; the `<Bytes>`...`</Bytes>` wrapping of polkadot.js
//!    `signRaw` is accepted). Anyone relays many of them in [`Pallet::submit_signed_votes`] (the
//!    relayer pays the fee; invalid ones are skipped with an event), or one of them fee-less in
//!    [`Pallet::vote_by_signature`], checked in full in the transaction pool. The runtime API
//!    [`GovernanceApi`] returns the exact bytes to sign.
//!
//! At the voting end (in `on_initialize`, at most [`Config::MaxEndingPerBlock`] proposals per
//! block, fixed at submission) the proposal is approved or rejected by the pure rule
//! [`Thresholds::approved`]. An approved call is scheduled through the scheduler, by name, at
//! `voting end + enactment delay`; there [`Pallet::enact`] dispatches it with the class's origin
//! and reports the result (`Enacted` or `EnactmentFailed`). Deposits come back on approval,
//! rejection and cancellation and are slashed on kill.
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
//! Wire [`Config::VotingPower`] to the token (for pallet-token, an adapter over its
//! `VotingPower`), [`Config::Classify`] to a match over the runtime's calls, `Preimages` to
//! pallet-preimage, `Scheduler` to pallet-scheduler, and give other pallets this pallet's origin
//! through [`EnsureClass`] (for example the upgrades pallet accepts only "protocol upgrade"). The
//! classes come from genesis and change only through [`Pallet::set_class`]. The token's voting
//! power history must reach back at least [`Config::MaxVotingPeriod`] blocks.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
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

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::governance";

/// How many blocks after the requested voting end a submission looks for a block with room for
/// one more decision before it gives up.
pub const MAX_END_POSTPONEMENT: u32 = 64;

/// The voting-power source: "power of X at the end of block B", "total supply at the end of B".
pub trait VotingPowerSource<AccountId, BlockNumber, Balance> {
	/// The voting power of `who` at the end of block `at`.
	fn voting_power_at(who: &AccountId, at: BlockNumber) -> Balance;
	/// The total supply (all voting power) at the end of block `at`.
	fn total_supply_at(at: BlockNumber) -> Balance;
}

/// The runtime's map from a call to the class it needs.
pub trait ClassifyCall<Call> {
	/// The class whose rule `call` must meet (or a class at least as strict with the same origin).
	fn required_class(call: &Call) -> ClassId;
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
		/// 8 classes, middle pool priority for fee-less votes, `()` weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxEndingPerBlock = ConstU32<8>;
			type MaxVotesPerBatch = ConstU32<500>;
			type MaxClasses = ConstU32<8>;
			type UnsignedPriority = ConstU64<{ TransactionPriority::MAX / 2 }>;
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
		type VotingPower: VotingPowerSource<Self::AccountId, BlockNumberFor<Self>, BalanceOf<Self>>;

		/// The class each call needs.
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

		/// Most proposals decided in one block; more ending at a block postpones their end.
		#[pallet::constant]
		type MaxEndingPerBlock: Get<u32>;

		/// Most signed votes in one relayed batch.
		#[pallet::constant]
		type MaxVotesPerBatch: Get<u32>;

		/// Most classes.
		#[pallet::constant]
		type MaxClasses: Get<u32>;

		/// The longest voting period a class may have (the token must keep this much history).
		#[pallet::constant]
		#[pallet::no_default]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Pool priority of fee-less signed votes.
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

	/// Proposals by index. `Twox64Concat`: indices are sequential, not chosen by users.
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

	/// The ongoing proposals whose voting ends at a block (decided in its `on_initialize`).
	/// `Twox64Concat`: block numbers are not chosen freely by users.
	#[pallet::storage]
	pub type EndingAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ProposalIndex, T::MaxEndingPerBlock>,
		ValueQuery,
	>;

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
				assert!(Pallet::<T>::check_class(class).is_ok(), "genesis class {id} is invalid");
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
		/// An approved call could not be scheduled, or was dispatched and failed.
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
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No class with this id.
		ClassNotFound,
		/// The call needs a stricter class (or one with another origin) than the one given.
		ClassTooWeak,
		/// The class needed by the call does not exist.
		RequiredClassNotFound,
		/// The requested thresholds are looser than the class's.
		LooserThresholds,
		/// The call's preimage is not available or does not decode as a call.
		CallUnavailable,
		/// Nobody held tokens at the snapshot, so nothing could ever be approved.
		EmptyElectorate,
		/// Too many proposals end at the voting end and the next blocks.
		TooManyEnding,
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
		/// The class is invalid: empty name, zero or too long voting period.
		InvalidClass,
		/// The most classes exist already.
		TooManyClasses,
		/// The call weighs more than the weight set aside for it.
		CallOverweight,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let ending = EndingAt::<T>::take(now);
			let count = ending.len() as u32;
			for index in ending {
				Self::do_decide(index, now);
			}
			T::WeightInfo::on_initialize(count)
		}

		fn integrity_test() {
			assert!(T::MaxEndingPerBlock::get() > 0, "MaxEndingPerBlock must be positive");
			assert!(T::MaxVotesPerBatch::get() > 0, "MaxVotesPerBatch must be positive");
			assert!(!T::MaxVotingPeriod::get().is_zero(), "MaxVotingPeriod must be positive");
			let decide = T::WeightInfo::on_initialize(T::MaxEndingPerBlock::get());
			let max = <T as frame_system::Config>::BlockWeights::get().max_block;
			assert!(
				decide.all_lte(max / 4),
				"deciding MaxEndingPerBlock proposals must fit in a quarter of a block"
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
		/// - `call`: inline or a noted preimage; it must decode as a runtime call.
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
		/// earlier vote of the same voter.
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
			let power = T::VotingPower::voting_power_at(&who, proposal.snapshot);
			ensure!(!power.is_zero(), Error::<T>::NoVotingPower);
			let record = VoteOf::<T>::get(index, &who);
			Self::do_count_vote(index, &mut proposal, who, Vote { choice, power }, record, None);
			ProposalOf::<T>::insert(index, proposal);
			Ok(())
		}

		/// Removes the caller's vote. While the proposal is open the tally drops it; afterwards
		/// this only clears storage.
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
			if Self::is_open(&proposal) {
				proposal.tally.remove(&vote);
				ProposalOf::<T>::insert(index, proposal);
			}
			// The nonce must survive the vote, or its signed message could be replayed.
			if record.next_nonce == 0 {
				VoteOf::<T>::remove(index, &who);
			} else {
				VoteOf::<T>::insert(index, &who, record);
			}
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
					Ok((power, record)) => {
						let vote = Vote { choice: signed.choice, power };
						let next = Some(signed.nonce.saturating_add(1));
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

		/// Counts one signed vote message without a fee: an unsigned transaction, checked in full
		/// (signature, nonce, power) before it enters the transaction pool.
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
			let mut proposal = Self::ongoing(index)?;
			let (power, record) = Self::check_signed_vote(index, &proposal, &vote).map_err(
				|reason| match reason {
					SignedVoteRejection::BadSignature => Error::<T>::BadSignature,
					SignedVoteRejection::StaleNonce => Error::<T>::StaleNonce,
					SignedVoteRejection::NoVotingPower => Error::<T>::NoVotingPower,
				},
			)?;
			let next = Some(vote.nonce.saturating_add(1));
			let counted = Vote { choice: vote.choice, power };
			Self::do_count_vote(index, &mut proposal, vote.voter, counted, record, next);
			ProposalOf::<T>::insert(index, proposal);
			Ok(())
		}

		/// Cancels an ongoing or approved (not yet enacted) proposal and returns its deposit.
		///
		/// - origin: `CancelOrigin`.
		///
		/// Emits `Cancelled` (and `DepositReturned`). Weight: `cancel()`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			let mut proposal = Self::do_stop(index)?;
			Self::do_return_deposit(index, &mut proposal);
			proposal.status = ProposalStatus::Cancelled;
			ProposalOf::<T>::insert(index, proposal);
			Self::deposit_event(Event::Cancelled { index });
			Ok(())
		}

		/// Kills an ongoing or approved (not yet enacted) proposal and slashes a deposit still
		/// held.
		///
		/// - origin: `KillOrigin`.
		///
		/// Emits `Killed`. Weight: `kill()`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::kill())]
		pub fn kill(origin: OriginFor<T>, index: ProposalIndex) -> DispatchResult {
			T::KillOrigin::ensure_origin(origin)?;
			let mut proposal = Self::do_stop(index)?;
			let slashed = Self::do_slash_deposit(&mut proposal);
			proposal.status = ProposalStatus::Killed;
			ProposalOf::<T>::insert(index, proposal);
			Self::deposit_event(Event::Killed { index, slashed });
			Ok(())
		}

		/// Adds or changes a class. Open proposals keep the rule they were submitted with.
		///
		/// - origin: `ClassAdminOrigin`.
		///
		/// Emits `ClassSet`. Weight: `set_class()`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_class())]
		pub fn set_class(
			origin: OriginFor<T>,
			class: ClassId,
			info: ClassInfoOf<T>,
		) -> DispatchResult {
			T::ClassAdminOrigin::ensure_origin(origin)?;
			Self::check_class(&info)?;
			ensure!(
				ClassOf::<T>::contains_key(class) || ClassOf::<T>::count() < T::MaxClasses::get(),
				Error::<T>::TooManyClasses
			);
			ClassOf::<T>::insert(class, info);
			Self::deposit_event(Event::ClassSet { class });
			Ok(())
		}

		/// Dispatches an approved proposal's call with its class's origin. The scheduler calls
		/// this (as Root) at the enactment block.
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
			let mut proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
			ensure!(
				matches!(proposal.status, ProposalStatus::Approved { .. }),
				Error::<T>::NotApproved
			);
			let (result, used) = Self::do_dispatch(index, &proposal, weight_limit);
			proposal.status = ProposalStatus::Enacted { ok: result.is_ok() };
			ProposalOf::<T>::insert(index, proposal);
			match result {
				Ok(()) => Self::deposit_event(Event::Enacted { index }),
				Err(error) => Self::deposit_event(Event::EnactmentFailed { index, error }),
			}
			Ok(Some(T::WeightInfo::enact().saturating_add(used)).into())
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
			let proposal = Self::ongoing(*index).map_err(|_| InvalidTransaction::Stale)?;
			Self::check_signed_vote(*index, &proposal, vote).map_err(|reason| match reason {
				SignedVoteRejection::BadSignature => InvalidTransaction::BadProof,
				SignedVoteRejection::StaleNonce => InvalidTransaction::Stale,
				SignedVoteRejection::NoVotingPower => InvalidTransaction::Custom(NO_VOTING_POWER),
			})?;
			let now = frame_system::Pallet::<T>::block_number();
			let longevity: u64 = proposal.voting_end.saturating_sub(now).saturated_into();
			ValidTransaction::with_tag_prefix("GovernanceSignedVote")
				.priority(T::UnsignedPriority::get())
				.and_provides((*index, vote.voter.clone(), vote.nonce))
				.longevity(longevity.max(1))
				.propagate(true)
				.build()
		}
	}
}

/// `InvalidTransaction::Custom` code of a fee-less vote whose signer had no voting power.
pub const NO_VOTING_POWER: u8 = 1;

impl<T: Config> Pallet<T> {
	/// Submits a proposal (see [`Pallet::submit`]); returns its index.
	pub fn do_submit(
		who: T::AccountId,
		call: BoundedCallOf<T>,
		class: ClassId,
		stricter: Option<Thresholds>,
	) -> Result<ProposalIndex, DispatchError> {
		let info = ClassOf::<T>::get(class).ok_or(Error::<T>::ClassNotFound)?;
		let (decoded, _) = T::Preimages::peek(&call).map_err(|_| Error::<T>::CallUnavailable)?;
		let required = T::Classify::required_class(&decoded);
		if required != class {
			let needed = ClassOf::<T>::get(required).ok_or(Error::<T>::RequiredClassNotFound)?;
			ensure!(info.can_stand_in_for(&needed), Error::<T>::ClassTooWeak);
		}
		let thresholds = stricter.unwrap_or(info.thresholds);
		ensure!(thresholds.at_least_as_strict_as(&info.thresholds), Error::<T>::LooserThresholds);

		let now = frame_system::Pallet::<T>::block_number();
		let snapshot = now.saturating_sub(One::one());
		let electorate = T::VotingPower::total_supply_at(snapshot);
		ensure!(!electorate.is_zero(), Error::<T>::EmptyElectorate);
		let index = ProposalCount::<T>::get();
		let voting_end = Self::do_book_end(now.saturating_add(info.voting_period), index)?;

		T::Currency::hold(&HoldReason::SubmissionDeposit.into(), &who, info.submission_deposit)?;
		T::Preimages::hold(&call);
		let proposal = ProposalInfo {
			proposer: who.clone(),
			class,
			call_hash: call.hash(),
			call_weight: decoded.get_dispatch_info().call_weight,
			call,
			origin: info.origin,
			thresholds,
			snapshot,
			voting_end,
			enactment_delay: info.enactment_delay,
			electorate,
			tally: Tally::default(),
			deposit: info.submission_deposit,
			status: ProposalStatus::Ongoing,
		};
		ProposalOf::<T>::insert(index, proposal);
		ProposalCount::<T>::put(index.saturating_add(1));
		Self::deposit_event(Event::Submitted { index, proposer: who, class, snapshot, voting_end });
		Ok(index)
	}

	/// Books `index` at the first block from `wanted` with room for one more decision.
	fn do_book_end(
		wanted: BlockNumberFor<T>,
		index: ProposalIndex,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let mut at = wanted;
		for _ in 0..MAX_END_POSTPONEMENT {
			let booked = EndingAt::<T>::mutate(at, |ending| ending.try_push(index).is_ok());
			if booked {
				return Ok(at);
			}
			at = at.saturating_add(One::one());
		}
		Err(Error::<T>::TooManyEnding.into())
	}

	/// The proposal, if it takes votes now.
	fn ongoing(index: ProposalIndex) -> Result<ProposalInfoOf<T>, DispatchError> {
		let proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(Self::is_open(&proposal), Error::<T>::VotingClosed);
		Ok(proposal)
	}

	fn is_open(proposal: &ProposalInfoOf<T>) -> bool {
		proposal.status == ProposalStatus::Ongoing
			&& frame_system::Pallet::<T>::block_number() < proposal.voting_end
	}

	/// Counts `vote` of `voter` in `proposal`'s tally (replacing the earlier one in `record`) and
	/// stores the record, with `next_nonce` if given. The caller stores the proposal.
	fn do_count_vote(
		index: ProposalIndex,
		proposal: &mut ProposalInfoOf<T>,
		voter: T::AccountId,
		vote: Vote<BalanceOf<T>>,
		record: Option<VoteRecord<BalanceOf<T>>>,
		next_nonce: Option<VoteNonce>,
	) {
		let mut record = record.unwrap_or_default();
		if let Some(old) = record.vote.take() {
			proposal.tally.remove(&old);
		}
		proposal.tally.add(&vote);
		record.vote = Some(vote);
		if let Some(next) = next_nonce {
			record.next_nonce = next;
		}
		VoteOf::<T>::insert(index, &voter, record);
		Self::deposit_event(Event::Voted { index, voter, choice: vote.choice, power: vote.power });
	}

	/// The message a voter signs (its SCALE encoding) to vote `choice` with `nonce` on
	/// `proposal`.
	pub fn vote_payload(
		index: ProposalIndex,
		proposal: &ProposalInfoOf<T>,
		choice: VoteChoice,
		nonce: VoteNonce,
	) -> VotePayload<T::Hash> {
		VotePayload {
			domain: VOTE_DOMAIN,
			genesis_hash: frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero()),
			pallet_index: <Self as PalletInfoAccess>::index() as u8,
			proposal: index,
			call_hash: proposal.call_hash,
			choice,
			nonce,
		}
	}

	/// Checks a signed vote for `proposal`: nonce, signature (raw or `<Bytes>`-wrapped), power.
	/// Returns the voter's power at the snapshot and their stored record.
	pub fn check_signed_vote(
		index: ProposalIndex,
		proposal: &ProposalInfoOf<T>,
		vote: &SignedVoteOf<T>,
	) -> Result<(BalanceOf<T>, Option<VoteRecordOf<T>>), SignedVoteRejection> {
		let record = VoteOf::<T>::get(index, &vote.voter);
		if vote.nonce < record.map(|r| r.next_nonce).unwrap_or_default() {
			return Err(SignedVoteRejection::StaleNonce);
		}
		let payload = Self::vote_payload(index, proposal, vote.choice, vote.nonce).encode();
		if !verify_raw_or_wrapped::<T::Signature>(&vote.signature, &payload, &vote.voter) {
			return Err(SignedVoteRejection::BadSignature);
		}
		let power = T::VotingPower::voting_power_at(&vote.voter, proposal.snapshot);
		if power.is_zero() {
			return Err(SignedVoteRejection::NoVotingPower);
		}
		Ok((power, record))
	}

	/// Decides proposal `index` at its voting end `now`.
	fn do_decide(index: ProposalIndex, now: BlockNumberFor<T>) {
		let Some(mut proposal) = ProposalOf::<T>::get(index) else {
			frame_support::defensive!("a proposal booked to end does not exist");
			return;
		};
		if proposal.status != ProposalStatus::Ongoing {
			frame_support::defensive!("a proposal booked to end is not ongoing");
			return;
		}
		let tally = proposal.tally;
		let approved = Self::passes(&proposal);
		Self::do_return_deposit(index, &mut proposal);
		if !approved {
			T::Preimages::drop(&proposal.call);
			proposal.status = ProposalStatus::Rejected;
			ProposalOf::<T>::insert(index, proposal);
			Self::deposit_event(Event::Rejected { index, tally });
			return;
		}
		// Scheduled for the next block at the earliest: this block's agenda already ran.
		let enact_at = now.saturating_add(proposal.enactment_delay.max(One::one()));
		let call: CallOf<T> = Call::<T>::enact { index, weight_limit: proposal.call_weight }.into();
		let scheduled = T::Preimages::bound(call).and_then(|bounded| {
			T::Scheduler::schedule_named(
				Self::task_name(index),
				DispatchTime::At(enact_at),
				None,
				HIGHEST_PRIORITY,
				<T::RuntimeOrigin as OriginTrait>::root().caller().clone(),
				bounded,
			)
		});
		match scheduled {
			Ok(_) => {
				proposal.status = ProposalStatus::Approved { enact_at };
				ProposalOf::<T>::insert(index, proposal);
				Self::deposit_event(Event::Approved { index, tally, enact_at });
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "approved proposal {index} not scheduled: {error:?}");
				T::Preimages::drop(&proposal.call);
				proposal.status = ProposalStatus::Enacted { ok: false };
				ProposalOf::<T>::insert(index, proposal);
				Self::deposit_event(Event::Approved { index, tally, enact_at });
				Self::deposit_event(Event::EnactmentFailed { index, error });
			},
		}
	}

	/// Whether `proposal`'s tally meets its thresholds (see [`Thresholds::approved`]).
	pub fn passes(proposal: &ProposalInfoOf<T>) -> bool {
		let tally = proposal.tally;
		let as_u128 = Tally::<u128> {
			aye: tally.aye.saturated_into(),
			nay: tally.nay.saturated_into(),
			abstain: tally.abstain.saturated_into(),
			voters: tally.voters,
		};
		proposal.thresholds.approved(&as_u128, proposal.electorate.saturated_into::<u128>())
	}

	/// Loads and dispatches an approved call; returns the result and the weight it used.
	fn do_dispatch(
		index: ProposalIndex,
		proposal: &ProposalInfoOf<T>,
		weight_limit: Weight,
	) -> (DispatchResult, Weight) {
		let call = match T::Preimages::realize(&proposal.call) {
			Ok((call, _)) => call,
			Err(_) => return (Err(Error::<T>::CallUnavailable.into()), Weight::zero()),
		};
		let declared = call.get_dispatch_info().call_weight;
		if !declared.all_lte(weight_limit) {
			return (Err(Error::<T>::CallOverweight.into()), Weight::zero());
		}
		let origin: T::RuntimeOrigin = match proposal.origin {
			DispatchOrigin::Root => frame_system::RawOrigin::Root.into(),
			DispatchOrigin::Class => Origin::Approved { class: proposal.class }.into(),
		};
		log::info!(target: LOG_TARGET, "enacting proposal {index}");
		match call.dispatch(origin) {
			Ok(post) => (Ok(()), post.actual_weight.unwrap_or(declared)),
			Err(e) => (Err(e.error), e.post_info.actual_weight.unwrap_or(declared)),
		}
	}

	/// The scheduler task name of proposal `index`'s enactment.
	pub fn task_name(index: ProposalIndex) -> TaskName {
		(b"mtc/governance", index).using_encoded(sp_io::hashing::blake2_256)
	}

	/// Stops an ongoing or approved proposal: unbooks or unschedules it and releases its
	/// preimage. The caller sets the final status and stores the proposal.
	fn do_stop(index: ProposalIndex) -> Result<ProposalInfoOf<T>, DispatchError> {
		let proposal = ProposalOf::<T>::get(index).ok_or(Error::<T>::ProposalNotFound)?;
		match proposal.status {
			ProposalStatus::Ongoing => {
				EndingAt::<T>::mutate(proposal.voting_end, |ending| ending.retain(|i| *i != index))
			},
			ProposalStatus::Approved { .. } => {
				// Can fail only if the task already ran, which would have made it `Enacted`.
				if T::Scheduler::cancel_named(Self::task_name(index)).is_err() {
					frame_support::defensive!("an approved proposal had no scheduled task");
				}
			},
			_ => return Err(Error::<T>::AlreadyFinished.into()),
		}
		T::Preimages::drop(&proposal.call);
		Ok(proposal)
	}

	/// Releases a deposit still held, to the proposer.
	fn do_return_deposit(index: ProposalIndex, proposal: &mut ProposalInfoOf<T>) {
		let amount = core::mem::take(&mut proposal.deposit);
		if amount.is_zero() {
			return;
		}
		let reason = HoldReason::SubmissionDeposit.into();
		match T::Currency::release(&reason, &proposal.proposer, amount, Precision::BestEffort) {
			Ok(released) => Self::deposit_event(Event::DepositReturned {
				index,
				who: proposal.proposer.clone(),
				amount: released,
			}),
			Err(_) => {
				frame_support::defensive!("a held deposit could not be released");
			},
		}
	}

	/// Slashes a deposit still held; returns the amount.
	fn do_slash_deposit(proposal: &mut ProposalInfoOf<T>) -> BalanceOf<T> {
		let amount = core::mem::take(&mut proposal.deposit);
		if amount.is_zero() {
			return amount;
		}
		let reason = HoldReason::SubmissionDeposit.into();
		let (credit, _missing) = T::Currency::slash(&reason, &proposal.proposer, amount);
		let slashed = credit.peek();
		T::Slash::on_unbalanced(credit);
		slashed
	}

	/// Checks a class's fields.
	fn check_class(info: &ClassInfoOf<T>) -> DispatchResult {
		ensure!(!info.name.is_empty(), Error::<T>::InvalidClass);
		ensure!(
			!info.voting_period.is_zero() && info.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::InvalidClass
		);
		Ok(())
	}

	/// What the runtime API reports about proposal `index`.
	pub fn proposal_summary(index: ProposalIndex) -> Option<ProposalSummaryOf<T>> {
		let p = ProposalOf::<T>::get(index)?;
		let passing = Self::passes(&p);
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
			.map(|p| T::VotingPower::voting_power_at(who, p.snapshot))
			.unwrap_or_default()
	}

	/// The next signed-vote nonce of `who` on proposal `index`.
	pub fn next_nonce(index: ProposalIndex, who: &T::AccountId) -> VoteNonce {
		VoteOf::<T>::get(index, who).map(|r| r.next_nonce).unwrap_or_default()
	}

	/// Checks the pallet's invariants:
	/// - every open proposal's tally equals the sum of its stored votes;
	/// - every index below `ProposalCount` and no other has a proposal;
	/// - every ongoing proposal is booked once, at its voting end, which is in the future, and
	///   everything booked is ongoing; no block has more than `MaxEndingPerBlock` bookings;
	/// - a deposit is recorded only while ongoing;
	/// - every approved proposal has its enactment scheduled at `enact_at`, and no other has;
	/// - there are at most `MaxClasses` classes.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let now = frame_system::Pallet::<T>::block_number();
		let count = ProposalCount::<T>::get();
		let mut booked: BTreeMap<ProposalIndex, BlockNumberFor<T>> = BTreeMap::new();
		for (at, ending) in EndingAt::<T>::iter() {
			for index in ending {
				ensure!(booked.insert(index, at).is_none(), "a proposal is booked twice");
			}
		}
		for (index, p) in ProposalOf::<T>::iter() {
			ensure!(index < count, "a proposal index is not below ProposalCount");
			let scheduled = T::Scheduler::next_dispatch_time(Self::task_name(index)).ok();
			match p.status {
				ProposalStatus::Ongoing => {
					ensure!(booked.remove(&index) == Some(p.voting_end), "ongoing not booked");
					ensure!(p.voting_end >= now, "an ongoing proposal's end has passed");
					let mut sum = Tally::<BalanceOf<T>>::default();
					for (_, record) in VoteOf::<T>::iter_prefix(index) {
						if let Some(vote) = record.vote {
							sum.add(&vote);
						}
					}
					ensure!(sum == p.tally, "a tally differs from the sum of its votes");
				},
				ProposalStatus::Approved { enact_at } => {
					ensure!(scheduled == Some(enact_at), "an approved proposal is not scheduled");
					ensure!(p.deposit.is_zero(), "a decided proposal still records a deposit");
				},
				_ => {
					ensure!(scheduled.is_none(), "a proposal not approved has a scheduled task");
					ensure!(p.deposit.is_zero(), "a finished proposal still records a deposit");
				},
			}
		}
		ensure!(booked.is_empty(), "a booked proposal is missing or not ongoing");
		ensure!(ClassOf::<T>::count() <= T::MaxClasses::get(), "too many classes");
		Ok(())
	}
}

/// Verifies `signature` over `payload` or over `<Bytes>payload</Bytes>` (the wrapping that
/// polkadot.js `signRaw` and extension wallets add).
pub fn verify_raw_or_wrapped<S: Verify>(
	signature: &S,
	payload: &[u8],
	signer: &<S::Signer as IdentifyAccount>::AccountId,
) -> bool {
	if signature.verify(payload, signer) {
		return true;
	}
	let mut wrapped = Vec::with_capacity(payload.len() + 15);
	wrapped.extend_from_slice(b"<Bytes>");
	wrapped.extend_from_slice(payload);
	wrapped.extend_from_slice(b"</Bytes>");
	signature.verify(&wrapped[..], signer)
}

sp_api::decl_runtime_apis! {
	/// What wallets and relayers need to vote by signed message.
	pub trait GovernanceApi<AccountId, Balance, BlockNumber, Hash>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
		Hash: codec::Codec,
	{
		/// The message to sign to vote `choice` with `nonce` on `proposal` (`None` if there is no
		/// such proposal): its SCALE encoding is the exact bytes to sign. (A struct rather than
		/// `Vec<u8>`: clients decode it unambiguously and re-encode it byte for byte.)
		fn vote_payload(proposal: ProposalIndex, choice: VoteChoice, nonce: VoteNonce) -> Option<VotePayload<Hash>>;
		/// `who`'s voting power on `proposal` (at its snapshot).
		fn voting_power(proposal: ProposalIndex, who: AccountId) -> Balance;
		/// The nonce `who`'s next signed vote on `proposal` must use (at least).
		fn next_nonce(proposal: ProposalIndex, who: AccountId) -> VoteNonce;
		/// The proposal's class, rule, electorate, tally and status.
		fn proposal(proposal: ProposalIndex) -> Option<ProposalSummary<Balance, BlockNumber, Hash>>;
	}
}
