//! Benchmarks of pallet-governance (frame-benchmarking v2).
//!
//! Signed votes are signed with sr25519 keys generated in the benchmark's keystore, so the
//! runtime's `Signature` must accept sr25519 signatures and its accounts sr25519 public keys (as
//! `MultiSignature` and `AccountId32` do).

use super::*;
use crate::Pallet as Governance;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate as _, Hooks, UnfilteredDispatchable};
use frame_system::RawOrigin;
use sp_core::{crypto::KeyTypeId, sr25519};
use sp_runtime::Perbill;

const KEY_TYPE: KeyTypeId = KeyTypeId(*b"govb");
const SEED: u32 = 0;
/// Voters in the state of the `decide` benchmark.
const MAX_VOTERS: u32 = crate::DECIDE_BENCHMARK_VOTERS;

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(n.into());
}

/// Moves to the first block whose snapshot (what a proposal submitted in it counts) is at or
/// after block 1, where the benchmarks fund their accounts: block 2 with a snapshot at the end of
/// every block, later with a longer snapshot period.
///
/// Whether a block's snapshot is late enough only turns from no to yes as blocks go on, so the
/// block is searched by doubling, then halving: a few dozen reads whatever the snapshot period
/// (block by block, a period of days took the benchmarks' setup hours).
fn to_submission_block<T: Config>() {
	let funded_at: BlockNumberFor<T> = 1u32.into();
	let counts_funding =
		|n: BlockNumberFor<T>| T::VotingPower::snapshot_for(n).is_some_and(|s| s >= funded_at);
	let two: BlockNumberFor<T> = 2u32.into();
	let mut hi = two;
	while !counts_funding(hi) {
		let next = hi.saturating_mul(two);
		// Saturated: no block's snapshot ever counts the funding (the token takes no snapshots).
		assert!(next > hi, "no snapshot is ever taken after block 1: is the snapshot period set?");
		hi = next;
	}
	// `counts_funding(lo)` is false (or `lo` is below 2), `counts_funding(hi)` true.
	let mut lo = hi / two;
	while hi - lo > 1u32.into() {
		let mid = lo + (hi - lo) / two;
		if counts_funding(mid) {
			hi = mid;
		} else {
			lo = mid;
		}
	}
	frame_system::Pallet::<T>::set_block_number(hi);
}

/// A remark of `len` bytes: a call any runtime has.
fn remark_call<T: Config>(len: u32) -> CallOf<T> {
	let call: <T as frame_system::Config>::RuntimeCall =
		frame_system::Call::<T>::remark { remark: vec![7u8; len as usize] }.into();
	call.into()
}

/// Installs, at the id the runtime requires for `call`, a class whose rule a single aye meets.
fn class_for<T: Config>(call: &CallOf<T>) -> ClassId {
	let id = T::Classify::required_class(call).expect("proposals may carry a remark");
	let info = ClassInfo {
		name: b"benchmark".to_vec().try_into().expect("short name"),
		thresholds: Thresholds {
			min_approval: Perbill::from_parts(500_000_001),
			min_turnout: Perbill::zero(),
			min_voters: 1,
		},
		voting_period: 10u32.into(),
		enactment_delay: 1u32.into(),
		submission_deposit: 1000u32.into(),
		origin: DispatchOrigin::Root,
	};
	ClassOf::<T>::insert(id, info);
	id
}

/// An account with plenty of tokens.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let amount = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// A voter with an sr25519 key in the keystore and tokens.
fn signing_voter<T: Config>(index: u32) -> (T::AccountId, sr25519::Public)
where
	T::AccountId: From<sr25519::Public>,
{
	let seed = alloc::format!("//benchmark-voter-{index}").into_bytes();
	let public = sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed));
	let who: T::AccountId = public.into();
	let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
	T::Currency::set_balance(&who, amount);
	(who, public)
}

fn sign<T: Config>(
	index: ProposalIndex,
	public: &sr25519::Public,
	who: T::AccountId,
	choice: VoteChoice,
	nonce: VoteNonce,
) -> SignedVoteOf<T>
where
	T::Signature: From<sr25519::Signature>,
{
	let payload =
		Pallet::<T>::api_vote_payload(index, choice, nonce).expect("proposal exists").encode();
	let signature = sp_io::crypto::sr25519_sign(KEY_TYPE, public, &payload).expect("key exists");
	SignedVote { voter: who, choice, nonce, signature: signature.into() }
}

/// Submits a proposal in the first block whose snapshot includes block 1 (where everyone's
/// tokens already are) whose call
/// is a noted remark of `len` bytes; returns its index.
fn proposal<T: Config>(len: u32) -> ProposalIndex {
	proposal_by::<T>(0, len)
}

/// As [`proposal`], by proposer number `proposer`.
fn proposal_by<T: Config>(proposer: u32, len: u32) -> ProposalIndex {
	let proposer = funded::<T>("proposer", proposer);
	to_submission_block::<T>();
	let call = remark_call::<T>(len);
	let class = class_for::<T>(&call);
	let bounded = T::Preimages::bound(call).expect("a remark can be noted");
	Pallet::<T>::do_submit(proposer, bounded, class, None).expect("the proposal is valid")
}

/// The length of the longest remark whose call fits in a preimage.
fn largest_remark<T: Config>() -> u32 {
	// The call's encoding adds its two indices and the compact length (at most 5 bytes).
	let max = <T::Preimages as StorePreimage>::MAX_LENGTH.saturating_sub(16);
	u32::try_from(max).unwrap_or(u32::MAX)
}

/// An approved proposal carrying a remark of `len` bytes, scheduled for enactment.
fn approved<T: Config>(len: u32) -> ProposalIndex {
	set_block::<T>(1);
	let voter = funded::<T>("voter", 0);
	let index = proposal::<T>(len);
	Governance::<T>::vote(RawOrigin::Signed(voter).into(), index, VoteChoice::Aye).expect("vote");
	let end = ProposalOf::<T>::get(index).expect("exists").voting_end;
	frame_system::Pallet::<T>::set_block_number(end);
	Governance::<T>::on_initialize(end);
	assert!(matches!(
		ProposalOf::<T>::get(index).map(|p| p.status),
		Some(ProposalStatus::Approved { .. })
	));
	index
}

/// The length of a remark whose call is just too long to be inlined: it is noted as a preimage,
/// which stopping the proposal then releases (the costlier case).
const NOTED_REMARK: u32 = 125;

/// An approved proposal whose enactment block holds as many other tasks as the scheduler takes,
/// each with an inline call of the largest inline size.
fn approved_in_full_agenda<T: Config>() -> ProposalIndex {
	let index = approved::<T>(NOTED_REMARK);
	let Some(ProposalStatus::Approved { enact_at }) = ProposalOf::<T>::get(index).map(|p| p.status)
	else {
		panic!("approved");
	};
	let root = <T::RuntimeOrigin as OriginTrait>::root().caller().clone();
	let mut full = false;
	for i in 0u32..10_000 {
		// A remark of 124 bytes encodes to 128 bytes, the most a bounded call holds inline.
		let bounded = T::Preimages::bound(remark_call::<T>(124)).expect("a remark can be bounded");
		let name = (b"mtc/bench/filler", i).using_encoded(sp_io::hashing::blake2_256);
		if T::Scheduler::schedule_named(
			name,
			DispatchTime::At(enact_at),
			None,
			0,
			root.clone(),
			bounded,
		)
		.is_err()
		{
			full = true;
			break;
		}
	}
	assert!(full, "the agenda was filled");
	index
}

/// Fills one block with `MaxEndingPerBlock` proposals ending in it; returns the first (the
/// costliest to unbook).
fn first_of_full_block<T: Config>() -> ProposalIndex {
	set_block::<T>(1);
	let first = proposal::<T>(NOTED_REMARK);
	for _ in 1..T::MaxEndingPerBlock::get() {
		proposal::<T>(NOTED_REMARK);
	}
	first
}

#[benchmarks(where T::AccountId: From<sr25519::Public>, T::Signature: From<sr25519::Signature>)]
mod benchmarks {
	use super::*;

	/// Submission of a call of `l` bytes, noted as a preimage.
	#[benchmark]
	fn submit(l: Linear<1, { 1024 * 1024 }>) {
		set_block::<T>(1);
		let proposer = funded::<T>("proposer", 0);
		to_submission_block::<T>();
		let call = remark_call::<T>(l);
		let class = class_for::<T>(&call);
		let bounded = T::Preimages::bound(call).expect("a remark can be noted");
		let index = ProposalCount::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), Box::new(bounded), class, None);

		assert!(ProposalOf::<T>::contains_key(index));
	}

	/// A vote replacing the voter's earlier vote (the costlier case).
	#[benchmark]
	fn vote() {
		set_block::<T>(1);
		let voter = funded::<T>("voter", 0);
		let index = proposal::<T>(16);
		Governance::<T>::vote(RawOrigin::Signed(voter.clone()).into(), index, VoteChoice::Nay)
			.expect("first vote");

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), index, VoteChoice::Aye);

		assert_eq!(
			VoteOf::<T>::get(index, &voter).and_then(|r| r.vote).map(|v| v.choice),
			Some(VoteChoice::Aye)
		);
	}

	#[benchmark]
	fn remove_vote() {
		set_block::<T>(1);
		let voter = funded::<T>("voter", 0);
		let index = proposal::<T>(16);
		Governance::<T>::vote(RawOrigin::Signed(voter.clone()).into(), index, VoteChoice::Aye)
			.expect("vote");

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), index);

		assert!(VoteOf::<T>::get(index, &voter).and_then(|r| r.vote).is_none());
	}

	/// A relayed batch of `n` valid signed votes of distinct voters, each signed over the raw
	/// message: the `<Bytes>`-wrapped form is checked first, so each costs two verifications
	/// (the worst case, as for an invalid signature).
	#[benchmark]
	fn submit_signed_votes(n: Linear<1, { T::MaxVotesPerBatch::get() }>) {
		set_block::<T>(1);
		let voters: Vec<_> = (0..n).map(signing_voter::<T>).collect();
		let index = proposal::<T>(16);
		let relayer = funded::<T>("relayer", 0);
		let votes: Vec<_> = voters
			.into_iter()
			.map(|(who, public)| sign::<T>(index, &public, who, VoteChoice::Aye, 0))
			.collect();
		let votes: BoundedVec<_, T::MaxVotesPerBatch> = votes.try_into().expect("n <= max");

		#[extrinsic_call]
		_(RawOrigin::Signed(relayer), index, votes);

		assert_eq!(ProposalOf::<T>::get(index).map(|p| p.tally.voters), Some(n));
	}

	/// The fee-less single signed vote in a block: its check before dispatch and its dispatch,
	/// signed over the raw message (two verifications in each check: the worst case).
	#[benchmark]
	fn vote_by_signature() -> Result<(), BenchmarkError> {
		set_block::<T>(1);
		let (who, public) = signing_voter::<T>(0);
		let index = proposal::<T>(16);
		let signed = sign::<T>(index, &public, who.clone(), VoteChoice::Aye, 0);
		let call = Call::<T>::vote_by_signature { index, vote: signed };

		#[block]
		{
			#[allow(deprecated)]
			<Pallet<T> as ValidateUnsigned>::pre_dispatch(&call)
				.map_err(|_| BenchmarkError::Stop("the signed vote is valid"))?;
			call.dispatch_bypass_filter(RawOrigin::None.into())?;
		}

		assert!(VoteOf::<T>::contains_key(index, &who));
		Ok(())
	}

	/// Cancelling an ongoing proposal booked in a full block.
	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let index = first_of_full_block::<T>();
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(matches!(
			ProposalOf::<T>::get(index).map(|p| p.status),
			Some(ProposalStatus::Cancelled)
		));
		Ok(())
	}

	/// Killing an ongoing proposal booked in a full block (deposit slashed).
	#[benchmark]
	fn kill() -> Result<(), BenchmarkError> {
		let index = first_of_full_block::<T>();
		let origin =
			T::KillOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(matches!(
			ProposalOf::<T>::get(index).map(|p| p.status),
			Some(ProposalStatus::Killed)
		));
		Ok(())
	}

	/// Cancelling an approved proposal whose enactment block's agenda is full (the costliest
	/// task to unschedule).
	#[benchmark]
	fn cancel_approved() -> Result<(), BenchmarkError> {
		let index = approved_in_full_agenda::<T>();
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		cancel(origin as T::RuntimeOrigin, index);

		assert!(matches!(
			ProposalOf::<T>::get(index).map(|p| p.status),
			Some(ProposalStatus::Cancelled)
		));
		Ok(())
	}

	/// Killing an approved proposal whose enactment block's agenda is full.
	#[benchmark]
	fn kill_approved() -> Result<(), BenchmarkError> {
		let index = approved_in_full_agenda::<T>();
		let origin =
			T::KillOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		kill(origin as T::RuntimeOrigin, index);

		assert!(matches!(
			ProposalOf::<T>::get(index).map(|p| p.status),
			Some(ProposalStatus::Killed)
		));
		Ok(())
	}

	#[benchmark]
	fn set_class() -> Result<(), BenchmarkError> {
		let origin =
			T::ClassAdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let id = ClassId::MAX;
		ClassOf::<T>::remove(id);
		let info = ClassInfo {
			name: b"a new class of changes".to_vec().try_into().expect("short name"),
			// Weaker than any Root class, so it may coexist with them.
			thresholds: Thresholds {
				min_approval: Perbill::from_percent(60),
				min_turnout: Perbill::from_percent(15),
				min_voters: 1,
			},
			voting_period: 10u32.into(),
			enactment_delay: 1u32.into(),
			submission_deposit: 1000u32.into(),
			origin: DispatchOrigin::Class,
		};
		// Room for the new class.
		let mut extra = ClassOf::<T>::iter_keys().collect::<Vec<_>>();
		while ClassOf::<T>::count() >= T::MaxClasses::get() {
			if let Some(k) = extra.pop() {
				ClassOf::<T>::remove(k);
			}
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, info);

		assert!(ClassOf::<T>::contains_key(id));
		Ok(())
	}

	/// Enactment overhead with the largest call a preimage can hold: loading and decoding it
	/// from its preimage, releasing the preimage and dispatching it (the call's own weight is
	/// added separately from its `weight_limit`).
	#[benchmark]
	fn enact() {
		let index = approved::<T>(largest_remark::<T>());
		let weight_limit = ProposalOf::<T>::get(index).expect("exists").call_weight;
		frame_system::Pallet::<T>::reset_events();

		#[extrinsic_call]
		_(RawOrigin::Root, index, weight_limit);

		assert_eq!(
			ProposalOf::<T>::get(index).map(|p| p.status),
			Some(ProposalStatus::Enacted { ok: true })
		);
	}

	/// `n` proposals of distinct proposers decided (and approved, the costlier outcome) in one
	/// block.
	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxEndingPerBlock::get() }>) {
		set_block::<T>(1);
		let voter = funded::<T>("voter", 0);
		let indices: Vec<_> = (0..n).map(|i| proposal_by::<T>(i, 16)).collect();
		for index in &indices {
			Governance::<T>::vote(RawOrigin::Signed(voter.clone()).into(), *index, VoteChoice::Aye)
				.expect("vote");
		}
		// All end in the same block: `MaxEndingPerBlock` fit in it.
		let end = frame_system::Pallet::<T>::block_number() + 10u32.into();
		frame_system::Pallet::<T>::set_block_number(end);
		frame_system::Pallet::<T>::reset_events();

		#[block]
		{
			Governance::<T>::on_initialize(end);
		}

		for index in indices {
			assert!(matches!(
				ProposalOf::<T>::get(index).map(|p| p.status),
				Some(ProposalStatus::Approved { .. })
			));
		}
	}

	/// Deciding one proposal that `v` accounts voted on: flat in `v` (the tally is kept
	/// incrementally). The state is the same size for every `v`: of `MAX_VOTERS` voters, `v`
	/// vote on the decided proposal and the others on another one, so that the slope measures
	/// the voters of the proposal and not the size of the trie.
	#[benchmark]
	fn decide(v: Linear<1, MAX_VOTERS>) {
		set_block::<T>(1);
		let voters: Vec<_> = (0..MAX_VOTERS).map(|i| funded::<T>("voter", i)).collect();
		let index = proposal::<T>(16);
		let other = proposal::<T>(17);
		for (i, voter) in voters.into_iter().enumerate() {
			let target = if (i as u32) < v { index } else { other };
			Governance::<T>::vote(RawOrigin::Signed(voter).into(), target, VoteChoice::Aye)
				.expect("vote");
		}
		// Only the decided proposal ends in the measured block.
		Governance::<T>::cancel(
			T::CancelOrigin::try_successful_origin().expect("benchmarks need a cancel origin"),
			other,
		)
		.expect("cancel");
		let end = ProposalOf::<T>::get(index).expect("exists").voting_end;
		frame_system::Pallet::<T>::set_block_number(end);
		// The votes were cast in earlier blocks: their events are gone by the voting end.
		frame_system::Pallet::<T>::reset_events();

		#[block]
		{
			Governance::<T>::on_initialize(end);
		}

		assert!(matches!(
			ProposalOf::<T>::get(index).map(|p| p.status),
			Some(ProposalStatus::Approved { .. })
		));
	}

	/// Clearing `n` votes and the record of a finished (cancelled) proposal.
	#[benchmark]
	fn clear_finished(n: Linear<1, 1000>) -> Result<(), BenchmarkError> {
		set_block::<T>(1);
		let voters: Vec<_> = (0..n).map(|i| funded::<T>("voter", i)).collect();
		let index = proposal::<T>(16);
		for voter in voters {
			Governance::<T>::vote(RawOrigin::Signed(voter).into(), index, VoteChoice::Aye)
				.expect("vote");
		}
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Governance::<T>::cancel(origin, index)?;
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index, n);

		assert!(!ProposalOf::<T>::contains_key(index));
		assert_eq!(VoteOf::<T>::iter_prefix(index).count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Governance,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
