//! Signed vote messages: the bytes a voter signs, their check (nonce, signature, power), and the
//! fee-less path's extra rules.
//!
//! Every refusal has one mapping to both the dispatch error ([`Error`]) and the transaction
//! pool's [`InvalidTransaction`], so the pool and the block refuse the same things for the same
//! reason.
//!
//! ## Nonce rules
//! - Each (proposal, voter) has its own nonce, so messages for different proposals never
//!   invalidate each other.
//! - A signed message must carry exactly the next nonce; every way of voting or removing a vote
//!   (extrinsic, relayed batch, fee-less) advances it by one, so a message signed before a later
//!   vote, or before a removal, is void forever.
//! - The nonce advances with checked arithmetic: a message with `VoteNonce::MAX` is never
//!   accepted (no nonce could follow it), and a vote that would need to advance past it is
//!   refused.
//!
//! ## Fee-less rules
//! A fee-less vote ([`Pallet::vote_by_signature`]) is the voter's **first** vote on the proposal
//! only (nonce 0, nothing stored for the voter), from a voter with at least
//! [`Config::MinFeelessPower`] at the snapshot. The pool tags it by (proposal, voter), so one
//! voter has at most one fee-less vote per proposal in the pool and on chain; it ranks at
//! [`Config::UnsignedPriority`] (below paid transactions in the runtime) and at most
//! [`Config::MaxFeelessVotesPerBlock`] go in one block (more wait in the pool for later blocks).
//! Changing a vote is paid: by the voter's `vote` or a relayer's `submit_signed_votes`.

use super::*;
use sp_runtime::transaction_validity::InvalidTransaction;

/// `InvalidTransaction::Custom` code: the signer had no voting power at the snapshot.
pub const NO_VOTING_POWER: u8 = 1;
/// `InvalidTransaction::Custom` code: the voter has voted on this proposal before; only a first
/// vote is fee-less.
pub const NOT_FIRST_VOTE: u8 = 2;
/// `InvalidTransaction::Custom` code: less power than a fee-less vote needs.
pub const TOO_LITTLE_POWER: u8 = 3;
/// `InvalidTransaction::Custom` code: the nonce is `VoteNonce::MAX`.
pub const NONCE_EXHAUSTED: u8 = 4;

impl SignedVoteRejection {
	/// The dispatch error of this rejection.
	pub fn error<T: Config>(self) -> Error<T> {
		match self {
			SignedVoteRejection::BadSignature => Error::<T>::BadSignature,
			SignedVoteRejection::StaleNonce => Error::<T>::StaleNonce,
			SignedVoteRejection::NoVotingPower => Error::<T>::NoVotingPower,
			SignedVoteRejection::FutureNonce => Error::<T>::FutureNonce,
			SignedVoteRejection::NonceExhausted => Error::<T>::NonceExhausted,
		}
	}

	/// The pool's verdict on this rejection.
	pub fn invalid(self) -> InvalidTransaction {
		match self {
			SignedVoteRejection::BadSignature => InvalidTransaction::BadProof,
			SignedVoteRejection::StaleNonce => InvalidTransaction::Stale,
			SignedVoteRejection::NoVotingPower => InvalidTransaction::Custom(NO_VOTING_POWER),
			SignedVoteRejection::FutureNonce => InvalidTransaction::Future,
			SignedVoteRejection::NonceExhausted => InvalidTransaction::Custom(NONCE_EXHAUSTED),
		}
	}
}

/// Why a fee-less vote is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FeelessRefusal {
	/// No such proposal.
	NotFound,
	/// The proposal takes no votes (finished, or its voting end has come).
	Closed,
	/// The signed vote itself is invalid.
	Rejected(SignedVoteRejection),
	/// The voter voted on this proposal before: only a first vote is fee-less.
	NotFirstVote,
	/// The voter's power at the snapshot is below [`Config::MinFeelessPower`].
	TooLittlePower,
	/// This block holds [`Config::MaxFeelessVotesPerBlock`] fee-less votes already.
	BlockFull,
}

impl FeelessRefusal {
	/// The dispatch error of this refusal.
	pub fn error<T: Config>(self) -> Error<T> {
		match self {
			FeelessRefusal::NotFound => Error::<T>::ProposalNotFound,
			FeelessRefusal::Closed => Error::<T>::VotingClosed,
			FeelessRefusal::Rejected(reason) => reason.error::<T>(),
			FeelessRefusal::NotFirstVote => Error::<T>::NotFirstVote,
			FeelessRefusal::TooLittlePower => Error::<T>::TooLittlePowerForFeeless,
			FeelessRefusal::BlockFull => Error::<T>::FeelessVotesExhausted,
		}
	}

	/// The pool's verdict on this refusal. A full block is `ExhaustsResources`: the pool keeps
	/// the vote for a later block.
	pub fn invalid(self) -> InvalidTransaction {
		match self {
			FeelessRefusal::NotFound | FeelessRefusal::Closed => InvalidTransaction::Stale,
			FeelessRefusal::Rejected(reason) => reason.invalid(),
			FeelessRefusal::NotFirstVote => InvalidTransaction::Custom(NOT_FIRST_VOTE),
			FeelessRefusal::TooLittlePower => InvalidTransaction::Custom(TOO_LITTLE_POWER),
			FeelessRefusal::BlockFull => InvalidTransaction::ExhaustsResources,
		}
	}
}

/// A signed vote that passed its checks: the voter's power, and the nonce that follows.
pub struct CheckedVote<Balance> {
	/// The voter's power at the snapshot.
	pub power: Balance,
	/// The voter's stored record, if any.
	pub record: Option<VoteRecord<Balance>>,
}

impl<T: Config> Pallet<T> {
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

	/// Checks a signed vote for `proposal`: nonce (exactly the next one, never `MAX`), signature
	/// (`<Bytes>`-wrapped or raw), power. Cheap checks first: a stale message costs no signature
	/// verification.
	pub fn check_signed_vote(
		index: ProposalIndex,
		proposal: &ProposalInfoOf<T>,
		vote: &SignedVoteOf<T>,
	) -> Result<CheckedVote<BalanceOf<T>>, SignedVoteRejection> {
		let record = VoteOf::<T>::get(index, &vote.voter);
		let next = record.map(|r| r.next_nonce).unwrap_or_default();
		if vote.nonce < next {
			return Err(SignedVoteRejection::StaleNonce);
		}
		if vote.nonce > next {
			return Err(SignedVoteRejection::FutureNonce);
		}
		if vote.nonce == VoteNonce::MAX {
			return Err(SignedVoteRejection::NonceExhausted);
		}
		let payload = Self::vote_payload(index, proposal, vote.choice, vote.nonce).encode();
		if !verify_wrapped_or_raw::<T::Signature>(&vote.signature, &payload, &vote.voter) {
			return Err(SignedVoteRejection::BadSignature);
		}
		let power =
			T::VotingPower::voting_power_at(&vote.voter, proposal.snapshot).unwrap_or_default();
		if power.is_zero() {
			return Err(SignedVoteRejection::NoVotingPower);
		}
		Ok(CheckedVote { power, record })
	}

	/// Checks a fee-less vote in full, except the per-block limit (see
	/// [`Self::check_feeless_room`]); returns the proposal and the checked vote.
	pub fn check_feeless_vote(
		index: ProposalIndex,
		vote: &SignedVoteOf<T>,
	) -> Result<(ProposalInfoOf<T>, CheckedVote<BalanceOf<T>>), FeelessRefusal> {
		let proposal = ProposalOf::<T>::get(index).ok_or(FeelessRefusal::NotFound)?;
		if !Self::is_open(&proposal) {
			return Err(FeelessRefusal::Closed);
		}
		// Anything stored for the voter (a vote, or a nonce above 0 after a removal) means this
		// is not their first vote.
		if VoteOf::<T>::contains_key(index, &vote.voter) {
			return Err(FeelessRefusal::NotFirstVote);
		}
		let checked =
			Self::check_signed_vote(index, &proposal, vote).map_err(FeelessRefusal::Rejected)?;
		if checked.power < T::MinFeelessPower::get() {
			return Err(FeelessRefusal::TooLittlePower);
		}
		Ok((proposal, checked))
	}

	/// Whether this block has room for one more fee-less vote.
	pub fn check_feeless_room() -> Result<(), FeelessRefusal> {
		let now = frame_system::Pallet::<T>::block_number();
		let (at, count) = FeelessVotesIn::<T>::get();
		if at == now && count >= T::MaxFeelessVotesPerBlock::get() {
			return Err(FeelessRefusal::BlockFull);
		}
		Ok(())
	}

	/// Counts one more fee-less vote in this block.
	pub(crate) fn note_feeless_vote() {
		let now = frame_system::Pallet::<T>::block_number();
		FeelessVotesIn::<T>::mutate(|(at, count)| {
			if *at != now {
				*at = now;
				*count = 0;
			}
			*count = count.saturating_add(1);
		});
	}

	/// The pool's validation of a fee-less vote: checked in full; tagged by (proposal, voter) so
	/// that one voter has one fee-less vote per proposal in the pool.
	pub(crate) fn validate_feeless(
		index: ProposalIndex,
		vote: &SignedVoteOf<T>,
	) -> TransactionValidity {
		let (proposal, _) =
			Self::check_feeless_vote(index, vote).map_err(FeelessRefusal::invalid)?;
		let now = frame_system::Pallet::<T>::block_number();
		let longevity: u64 = proposal.voting_end.saturating_sub(now).saturated_into();
		ValidTransaction::with_tag_prefix("GovernanceFeelessVote")
			.priority(T::UnsignedPriority::get())
			.and_provides((index, vote.voter.clone()))
			.longevity(longevity.max(1))
			.propagate(true)
			.build()
	}
}

/// Verifies `signature` over `<Bytes>payload</Bytes>` (the wrapping that polkadot.js `signRaw`
/// and every extension wallet add, so checked first) or over the raw `payload`.
///
/// A wrapped signature costs one verification; a raw one or an invalid one costs two, which is
/// what the weights price.
pub fn verify_wrapped_or_raw<S: Verify>(
	signature: &S,
	payload: &[u8],
	signer: &<S::Signer as IdentifyAccount>::AccountId,
) -> bool {
	let mut wrapped = Vec::with_capacity(payload.len() + 15);
	wrapped.extend_from_slice(b"<Bytes>");
	wrapped.extend_from_slice(payload);
	wrapped.extend_from_slice(b"</Bytes>");
	signature.verify(&wrapped[..], signer) || signature.verify(payload, signer)
}
